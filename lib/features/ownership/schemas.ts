import { z } from "zod";
import { MAX_RULES_LENGTH } from "@/lib/domain/ownership/rules";

/*
 * Inputs of the ownership settings, checked on the server. Client components
 * may import these (no server-only code here).
 */

export const teamSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(50, "must be at most 50 characters")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "may hold only letters, digits, - and _, and start with a letter or digit");

export const teamNameSchema = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

/** A WorkOS directory group id, e.g. directory_group_01E1X5GPMMXF4T1DCERMVEEPVW; blank unlinks. */
export const directoryGroupIdSchema = z
  .string()
  .trim()
  .max(100, "must be at most 100 characters")
  .refine(
    (v) => v === "" || /^directory_group_[A-Za-z0-9]+$/.test(v),
    "must be a WorkOS directory group id (directory_group_…)",
  )
  .transform((v) => (v === "" ? null : v));

export const sentryProjectSlugSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(100, "must be at most 100 characters")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "must be a Sentry project slug");

export const rulesTextSchema = z.string().max(MAX_RULES_LENGTH, `must be at most ${MAX_RULES_LENGTH} characters`);

/** A Sentry issue as a person types it: a short id (WEB-G) or the numeric id. */
export const issueRefSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(64, "is too long")
  .regex(/^(\d+|[A-Za-z0-9][A-Za-z0-9_-]*-[A-Za-z0-9]+)$/, "must be a short id like WEB-G or an issue number");

export const createTeamSchema = z.object({
  slug: teamSlugSchema,
  name: teamNameSchema,
  directoryGroupId: directoryGroupIdSchema.optional(),
});
export type CreateTeamInput = z.infer<typeof createTeamSchema>;
