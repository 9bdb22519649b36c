import "server-only";
import { findNulCharacter } from "@/lib/security/find-nul-character";
import { readGithubWebhook } from "@/lib/integrations/github/webhook-transform";
import { readSentryWebhook, type WebhookReading } from "@/lib/integrations/sentry/webhook-transform";

/**
 * A webhook body read into an automation event, by source and the resource
 * (Sentry) or event (GitHub) its headers named. Intake reads it to answer 400s;
 * the queue reads the stored delivery again to process it.
 */
export function readWebhook(source: string, kind: string | null, body: unknown): WebhookReading {
  // PostgreSQL stores no NUL character, so such a delivery could not even be recorded.
  const nul = findNulCharacter(body);
  if (nul) return { kind: "invalid", fields: { [nul === "input" ? "body" : nul]: "must not contain NUL characters" } };
  if (source === "sentry") return readSentryWebhook(kind, body);
  if (source === "github") return readGithubWebhook(kind, body);
  return { kind: "ignored", reason: `${source} deliveries start no automation` };
}
