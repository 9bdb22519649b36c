"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionResult } from "@/lib/platform/actions/org-action";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";
import { generateReleaseNotes } from "@/lib/domain/release-notes";
import {
  loadReleaseNotesSource,
  publishReleaseNotes,
  saveReleaseNotesRevision,
  type PublishResult,
} from "@/lib/features/release-notes";

const version = z.string().trim().min(1, "is required").max(200);
const variant = z.enum(["internal", "customer"]);

const generateSchema = z.object({
  version,
  variant,
  groupBy: z.enum(["component", "epic"]),
  hideKeysForCustomers: z.boolean(),
});

/** A fresh draft from Jira and Sentry; nothing is saved until the editor saves it. */
export const generateReleaseNotesAction = orgAction(
  generateSchema,
  "dashboards:view",
  async ({
    input,
    org,
    requestId,
  }): Promise<ActionResult<{ markdown: string; title: string; counts: Record<string, number> }>> => {
    const source = await loadReleaseNotesSource({ orgId: org.id, version: input.version, requestId });
    if (source.input.issues.length === 0 && source.jiraError)
      return { ok: false, error: `Jira could not be read: ${source.jiraError}` };
    const notes = generateReleaseNotes(source.input, {
      variant: input.variant,
      groupBy: input.groupBy,
      hideKeysForCustomers: input.hideKeysForCustomers,
    });
    return { ok: true, data: notes };
  },
);

export const saveReleaseNotesAction = orgAction(
  z.object({
    version,
    variant,
    markdown: z
      .string()
      .max(200_000, "must be at most 200,000 characters")
      .refine((text) => text.trim().length > 0, "can't be empty"),
  }),
  "release-notes:publish",
  async (ctx): Promise<ActionResult<{ revision: number; unchanged: boolean }>> => {
    const { input, org } = ctx;
    const saved = await saveReleaseNotesRevision(ctx, {
      version: input.version,
      variant: input.variant,
      markdown: input.markdown,
    });
    revalidatePath(`/${org.slug}/releases/${encodeURIComponent(input.version)}/notes`);
    return { ok: true, data: saved };
  },
);

export const publishReleaseNotesAction = orgAction(
  z.object({
    version,
    variant,
    revision: z
      .number()
      .int()
      .min(1, "is not a revision of these notes")
      .max(2_147_483_647, "is not a revision of these notes"),
    markJiraReleased: z.boolean(),
    closeCompleted: z.boolean(),
  }),
  "release-notes:publish",
  async ({ input, org, sessionId, requestId, actor }): Promise<ActionResult<PublishResult>> => {
    const stepUp = await requireRecentSecondFactor(
      { org, sessionId },
      `/${org.slug}/releases/${encodeURIComponent(input.version)}/notes`,
    );
    if (stepUp) return stepUp;
    const result = await publishReleaseNotes({
      orgId: org.id,
      version: input.version,
      variant: input.variant,
      revision: input.revision,
      options: { markJiraReleased: input.markJiraReleased, closeCompleted: input.closeCompleted },
      actor,
      requestId,
      today: new Date().toISOString().slice(0, 10),
    });
    revalidatePath(`/${org.slug}/releases/${encodeURIComponent(input.version)}/notes`);
    return result.status === "failed" && result.writes.length === 0
      ? { ok: false, error: result.message }
      : { ok: true, data: result };
  },
);
