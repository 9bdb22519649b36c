"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { registerJiraWebhook, type RegisterOutcome } from "@/lib/features/jira-events";
import { orgAction } from "@/lib/platform/actions/org-action";

/** Registers Jira's admin webhook to this org's intake (an outbox write, audited). */
export const registerJiraWebhookAction = orgAction(
  z.looseObject({}),
  "integrations:manage",
  async ({ org, requestId, actor }) => {
    const outcome: RegisterOutcome = await registerJiraWebhook({ orgId: org.id, orgSlug: org.slug, actor, requestId });
    revalidatePath(`/${org.slug}/settings/integrations`);
    return { ok: true, data: outcome };
  },
);
