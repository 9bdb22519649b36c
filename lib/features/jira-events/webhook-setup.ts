import "server-only";
import { findLastDelivery } from "@/lib/db/queries/webhook-deliveries";
import { getJiraConfig } from "@/lib/integrations/connections";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { JIRA_WEBHOOK_EVENTS, canAdministerJira, listAdminWebhooks } from "@/lib/integrations/jira/admin-webhooks";
import { env } from "@/lib/platform/env";
import { performWrite } from "@/lib/platform/outbox";
import { findJiraWebhookSecret } from "@/lib/platform/webhooks/secrets";

/**
 * What the Jira card of Settings → Integrations shows about Jira's webhook,
 * and the one write it offers: registering the webhook in Jira for an admin
 * token. Sprint events only come from admin ("system") webhooks, so without
 * one Bosun learns of a sprint's start only from the 15-minute reconciliation.
 */
export type JiraWebhookPanel = {
  connected: boolean;
  url: string;
  secretSet: boolean;
  events: readonly string[];
  lastDelivery: { receivedAt: Date; eventType: string; status: string; error: string | null } | null;
  /** Whether the token may register webhooks (null: Jira could not be asked, `problem` says why). */
  canRegister: boolean | null;
  /** Whether Jira already has a webhook to this URL (null when it cannot be read without admin rights). */
  registered: boolean | null;
  problem: string | null;
};

export const jiraWebhookUrl = (orgSlug: string) => `${env.publicUrl}/api/webhooks/jira/${orgSlug}`;

export async function loadJiraWebhookPanel({
  orgId,
  orgSlug,
  requestId,
}: {
  orgId: string;
  orgSlug: string;
  requestId?: string;
}): Promise<JiraWebhookPanel> {
  const url = jiraWebhookUrl(orgSlug);
  const [config, secret, lastDelivery] = await Promise.all([
    getJiraConfig({ orgId, requestId }),
    findJiraWebhookSecret({ orgId }),
    findLastDelivery({ orgId, source: "jira" }),
  ]);
  const panel: JiraWebhookPanel = {
    connected: config !== null,
    url,
    secretSet: secret !== null,
    events: JIRA_WEBHOOK_EVENTS,
    lastDelivery,
    canRegister: null,
    registered: null,
    problem: null,
  };
  if (!config) return panel;
  try {
    const canRegister = await canAdministerJira(config);
    const registered = canRegister ? (await listAdminWebhooks(config)).some((webhook) => webhook.url === url) : null;
    return { ...panel, canRegister, registered };
  } catch (error) {
    if (error instanceof IntegrationError) return { ...panel, problem: integrationErrorText(error) };
    throw error;
  }
}

export type RegisterOutcome = { ok: true; message: string } | { ok: false; message: string };

/** Registers (or updates) Jira's admin webhook to this org's intake, through the outbox, audited. */
export async function registerJiraWebhook({
  orgId,
  orgSlug,
  actor,
  requestId,
}: {
  orgId: string;
  orgSlug: string;
  actor: { type: "user"; id: string; label: string };
  requestId: string;
}): Promise<RegisterOutcome> {
  if (!(await findJiraWebhookSecret({ orgId })))
    return { ok: false, message: "Save a webhook secret first: Jira signs every delivery with it." };
  const url = jiraWebhookUrl(orgSlug);
  const outcome = await performWrite({
    orgId,
    operation: "jira.webhook.register",
    args: { name: `Bosun (${orgSlug})`, url },
    orderingKey: "jira:admin-webhook",
    // One registration per URL and request: a second click repeats the same write, a later one re-sends the secret.
    idempotencyKey: `jira-webhook:${url}:${requestId}`,
    actor,
    summary: `Registered Jira's admin webhook to ${url}`,
    target: { type: "integration", id: "jira" },
    requestId,
  });
  if (outcome.status === "succeeded")
    return {
      ok: true,
      message: outcome.result.created
        ? "Registered: Jira now sends sprint and issue events to Bosun."
        : "Updated the webhook Jira already had for this address.",
    };
  if (outcome.status === "pending")
    return { ok: false, message: `Jira did not answer; Bosun will retry (${outcome.error ?? "pending"}).` };
  return { ok: false, message: outcome.error };
}
