import { z } from "zod";
import { MAX_QUERY_LENGTH } from "./entry";

/** The palette's search text: at most 100 characters, none of them a control character (NUL included). */
export const paletteQuerySchema = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "must not contain control characters")
    .transform((value) => value.trim()),
});

/** Reads `q` from a query string; a missing q is the empty search, and a repeated one is refused. */
export function parsePaletteQuery(params: URLSearchParams) {
  const values = params.getAll("q");
  if (values.length > 1) return paletteQuerySchema.safeParse({ q: 1 });
  return paletteQuerySchema.safeParse({ q: values[0] ?? "" });
}

const JIRA_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;
const SENTRY_SHORT_ID = /^[A-Z0-9]+(?:-[A-Z0-9]+)+$/;

/** The query as a Jira issue key (ACME-12), upper-cased; null when it is not one. */
export function asJiraKey(query: string): string | null {
  const upper = query.trim().toUpperCase();
  return JIRA_KEY.test(upper) ? upper : null;
}

/** The query as a Sentry short id (ACME-WEB-1A, WEB-G), upper-cased; null when it cannot be one. */
export function asSentryShortId(query: string): string | null {
  const upper = query.trim().toUpperCase();
  return SENTRY_SHORT_ID.test(upper) ? upper : null;
}
