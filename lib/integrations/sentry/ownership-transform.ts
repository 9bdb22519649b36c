import { z } from "zod";

/**
 * A project's ownership configuration as Bosun keeps it, from Sentry's
 * `GET /projects/{org}/{project}/ownership/`. Pure. Only `raw` matters to
 * Bosun (it parses the rules itself); the rest says whether Sentry uses them.
 */
export type SentryProjectOwnership = {
  raw: string;
  isActive: boolean;
  lastUpdated: string | null;
};

const ownershipSchema = z.object({
  raw: z.string().nullish(),
  isActive: z.boolean().optional(),
  lastUpdated: z.string().nullish(),
});

/** The configuration, or null when the answer is not one (Sentry's shape changed, or something else answered). */
export function toProjectOwnership(answer: unknown): SentryProjectOwnership | null {
  const parsed = ownershipSchema.safeParse(answer);
  if (!parsed.success) return null;
  return {
    raw: parsed.data.raw ?? "",
    isActive: parsed.data.isActive ?? true,
    lastUpdated: parsed.data.lastUpdated ?? null,
  };
}
