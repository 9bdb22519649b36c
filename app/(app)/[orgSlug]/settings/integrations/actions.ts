"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/platform/actions/org-action";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { disconnect } from "@/lib/db/queries/integrations";
import {
  checkIntegration,
  integrationInputSchema,
  saveIntegration,
  type ConnectionCheck,
} from "@/lib/integrations/settings";
import { forgetWebhookSecrets } from "@/lib/platform/webhooks/secrets";

const provider = z.enum(["jira", "sentry", "github"]);

export const saveIntegrationAction = orgAction(
  integrationInputSchema,
  "integrations:manage",
  async ({ input, org, requestId, actor }) => {
    const saved = await saveIntegration(org.id, input);
    if (!saved.ok) return saved;
    await appendAuditEntry({
      orgId: org.id,
      actor,
      action: `integration.${input.provider}.saved`,
      target: { type: "integration", id: input.provider },
      // Names of changed fields only: secret values never reach the audit log.
      summary: saved.changedFields.length
        ? `Updated the ${input.provider} connection (${saved.changedFields.join(", ")})`
        : `Saved the ${input.provider} connection without changes`,
      changes: { fields: saved.changedFields },
      requestId,
    });
    const check = await checkIntegration(org.id, input.provider, requestId);
    revalidatePath(`/${org.slug}/settings/integrations`);
    return { ok: true, data: check };
  },
);

export const testIntegrationAction = orgAction(
  z.object({ provider }),
  "integrations:manage",
  async ({ input, org, requestId }) => {
    const check: ConnectionCheck = await checkIntegration(org.id, input.provider, requestId);
    revalidatePath(`/${org.slug}/settings/integrations`);
    return { ok: true, data: check };
  },
);

export const disconnectIntegrationAction = orgAction(
  z.object({ provider }),
  "integrations:manage",
  async ({ input, org, requestId, actor }) => {
    await disconnect({ orgId: org.id, provider: input.provider });
    // The intake's cached secret would otherwise accept deliveries for up to 30 s after this.
    forgetWebhookSecrets();
    await appendAuditEntry({
      orgId: org.id,
      actor,
      action: `integration.${input.provider}.disconnected`,
      target: { type: "integration", id: input.provider },
      summary: `Disconnected ${input.provider} and deleted its stored credentials`,
      requestId,
    });
    revalidatePath(`/${org.slug}/settings/integrations`);
    return { ok: true, data: { ok: true, message: "Disconnected." } };
  },
);
