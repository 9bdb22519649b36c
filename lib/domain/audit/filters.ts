import { z } from "zod";

const DATE_MESSAGE = "must be a date like 2026-11-24";
/** A day that exists: the pattern alone lets 2026-13-01 through, which no database query can take. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
  .refine((value) => {
    const day = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }, DATE_MESSAGE);

/** Free text searched for; `%00` in a URL would otherwise reach PostgreSQL, which takes no NUL character. */
const searchText = z
  .string()
  .trim()
  .refine((value) => !value.includes("\u0000"), "must not contain NUL characters");

/** Audit-log filters as they arrive in the URL (page and CSV export share them). */
export const auditFiltersSchema = z
  .object({
    actor: searchText.max(200).optional(),
    action: searchText.max(100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine(({ from, to }) => !from || !to || from <= to, { path: ["to"], message: "must not be before from" });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** Reads filters from search params; blank values mean "any". */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>) {
  const single = (key: string) => {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first?.trim() ? first : undefined;
  };
  return auditFiltersSchema.safeParse({
    actor: single("actor"),
    action: single("action"),
    from: single("from"),
    to: single("to"),
  });
}

/** The createdAt range for the filters: `to` includes the whole day (UTC). */
export function dateRange({ from, to }: AuditFilters): { gte?: Date; lt?: Date } {
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00.000Z`) } : {}),
    ...(to ? { lt: new Date(new Date(`${to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
  };
}
