import { z } from "zod";

/**
 * How to write the notes. Options arrive from the editor's form, so they have
 * a schema; missing keys take the defaults. Keys are hidden from customers by
 * default because they link into a Jira site customers cannot open.
 */
export const releaseNotesOptionsSchema = z.object({
  variant: z.enum(["internal", "customer"]).default("internal"),
  groupBy: z.enum(["component", "epic"]).default("component"),
  hideKeysForCustomers: z.boolean().default(true),
  excludedLabels: z
    .array(z.string().trim().min(1, "must not be empty").max(255, "must be at most 255 characters"))
    .max(50, "must be at most 50 labels")
    .default(["internal", "tech-debt", "chore"]),
  maxKnownIssues: z.int("must be a whole number").min(0, "must be 0 or more").max(50, "must be at most 50").default(5),
});

export type ReleaseNotesOptions = z.infer<typeof releaseNotesOptionsSchema>;

export const DEFAULT_RELEASE_NOTES_OPTIONS: ReleaseNotesOptions = releaseNotesOptionsSchema.parse({});

/** The defaults overlaid with the keys a caller set; an explicit `undefined` keeps the default. */
export function withDefaults(options: Partial<ReleaseNotesOptions> = {}): ReleaseNotesOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_RELEASE_NOTES_OPTIONS, ...defined };
}
