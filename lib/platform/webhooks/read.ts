import "server-only";
import { readGithubWebhook } from "@/lib/integrations/github/webhook-transform";
import { readSentryWebhook, type WebhookReading } from "@/lib/integrations/sentry/webhook-transform";

/**
 * A webhook body read into an automation event, by source and the resource
 * (Sentry) or event (GitHub) its headers named. Intake reads it to answer 400s
 * and queues the event it reads; rule previews read stored deliveries with it.
 */
export function readWebhook(source: string, kind: string | null, body: unknown): WebhookReading {
  // Every payload Sentry and GitHub send is an object, whatever the event.
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { kind: "invalid", fields: { body: "must be a JSON object" } };
  if (source === "sentry") return readSentryWebhook(kind, body);
  if (source === "github") return readGithubWebhook(kind, body);
  return { kind: "ignored", reason: `${source} deliveries start no automation` };
}
