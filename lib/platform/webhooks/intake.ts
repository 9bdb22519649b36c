import "server-only";
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { ORG_SLUG } from "@/lib/platform/auth/org-slug";
import { acceptDelivery } from "@/lib/db/queries/webhook-deliveries";
import { kickJobWorker } from "@/lib/platform/jobs";
import { readLimitedBody } from "@/lib/platform/security/read-limited-body";
import { findUnstorableText, mayHoldUnstorableText } from "@/lib/platform/security/find-unstorable-text";
import { readJiraWebhook } from "@/lib/integrations/jira/webhook-transform";
import { readWebhook } from "./read";
import { findWebhookSecret } from "./secrets";
import { type SignatureCheck, verifyGithubSignature, verifyJiraSignature, verifySentrySignature } from "./signatures";

/**
 * Intake for Sentry, GitHub and Jira webhooks: find the org's secret, verify the
 * signature over the raw body in constant time, parse and validate, record the
 * delivery and queue its processing with the event read from it in one
 * statement, and answer at once — the work happens on the job queue, which
 * acts on that event without reading the body again. Every client mistake is a
 * 4xx that says what is wrong; nothing is processed unless the signature holds.
 *
 * A Sentry or GitHub delivery's key is the hash of what was signed (resource or
 * event name and body), so a replay or redelivery of the same body is recorded
 * once, whatever its Request-ID or X-GitHub-Delivery says. Jira's key is its
 * X-Atlassian-Webhook-Identifier, the same on every retry of a delivery (retries
 * come up to ~30 min later), or the body's hash when it is absent. A key is
 * unique within the org the delivery was addressed to: one repository or
 * project hooked to two orgs sends each the same body, and each org processes its own.
 */
type Source = "sentry" | "github" | "jira";

const problem = (status: number, error: string, message: string, extra: Record<string, unknown> = {}) =>
  NextResponse.json({ error, message, ...extra }, { status });

const SIGNATURE_MESSAGES: Record<Exclude<SignatureCheck, { ok: true }>["reason"], string> = {
  missing: "The signature header is missing.",
  malformed: "The signature or timestamp header is malformed.",
  stale: "The timestamp is too old (or in the future); replays are refused.",
  mismatch: "The signature does not match the body.",
};

type Reading =
  | { kind: "event"; event: unknown }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; fields: Record<string, string> };

type SourceRules = {
  name: string;
  verify: (headers: Headers, body: string, secret: string) => SignatureCheck;
  /** The event's name: from a header (Sentry's resource, GitHub's event) or the body (Jira's webhookEvent). */
  kind: (headers: Headers, json: unknown) => string | null;
  read: (kind: string | null, json: unknown) => Reading;
  /** What makes a redelivery the same delivery. */
  idempotencyKey: (headers: Headers, kind: string | null, body: string) => string;
};

const isPlainObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const bodyHash = (kind: string | null, body: string) => createHash("sha256").update(`${kind}\n${body}`).digest("hex");
const fieldOf = (json: unknown, field: string) => {
  const value = isPlainObject(json) ? (json as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value : null;
};

const SOURCES: Record<Source, SourceRules> = {
  sentry: {
    name: "Sentry",
    verify: (headers, body, secret) =>
      verifySentrySignature({
        header: headers.get("sentry-hook-signature"),
        timestampHeader: headers.get("sentry-hook-timestamp"),
        body,
        secret,
        now: Date.now(),
      }),
    kind: (headers) => headers.get("sentry-hook-resource"),
    read: (kind, json) => readWebhook("sentry", kind, json),
    idempotencyKey: (_headers, kind, body) => bodyHash(kind, body),
  },
  github: {
    name: "GitHub",
    verify: (headers, body, secret) =>
      verifyGithubSignature({ header: headers.get("x-hub-signature-256"), body, secret }),
    kind: (headers) => headers.get("x-github-event"),
    read: (kind, json) => readWebhook("github", kind, json),
    idempotencyKey: (_headers, kind, body) => bodyHash(kind, body),
  },
  jira: {
    name: "Jira",
    verify: (headers, body, secret) => verifyJiraSignature({ header: headers.get("x-hub-signature"), body, secret }),
    kind: (_headers, json) => fieldOf(json, "webhookEvent"),
    read: (_kind, json) =>
      isPlainObject(json) ? readJiraWebhook(json) : { kind: "invalid", fields: { body: "must be a JSON object" } },
    idempotencyKey: (headers, kind, body) => {
      const identifier = headers.get("x-atlassian-webhook-identifier")?.trim();
      return identifier ? `id:${identifier.slice(0, 200)}` : bodyHash(kind, body);
    },
  },
};

export async function acceptWebhook({
  source,
  orgSlug,
  request,
}: {
  source: Source;
  orgSlug: string;
  request: Request;
}): Promise<NextResponse> {
  const rules = SOURCES[source];
  const found = ORG_SLUG.test(orgSlug) ? await findWebhookSecret({ orgSlug, provider: source }) : null;
  // Unknown orgs and orgs without this integration (or its secret) look the same from outside.
  if (!found)
    return problem(
      404,
      "not_found",
      `No ${rules.name} integration with a webhook secret is connected at this address.`,
    );
  const { orgId, secret } = found;

  const read = await readLimitedBody(request);
  if (!read.ok) return read.response;
  const body = read.text;

  const signature = rules.verify(request.headers, body, secret);
  if (!signature.ok)
    return problem(401, "invalid_signature", SIGNATURE_MESSAGES[signature.reason], { reason: signature.reason });

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return problem(400, "invalid_json", "The body is not valid JSON.");
  }
  // Text PostgreSQL cannot store (NUL, broken Unicode) could not even be recorded; checked here, once,
  // since the queue reads the delivery back from the database, where it cannot be.
  const unstorable = isPlainObject(json) && mayHoldUnstorableText(body) ? findUnstorableText(json) : null;
  if (unstorable)
    return problem(400, "invalid_payload", "The payload is not what this webhook sends.", {
      fields: { [unstorable.path]: unstorable.message },
    });
  const kind = rules.kind(request.headers, json);
  const reading = rules.read(kind, json);
  if (reading.kind === "invalid")
    return problem(400, "invalid_payload", "The payload is not what this webhook sends.", { fields: reading.fields });

  const action = fieldOf(json, "action") === null ? "" : `.${fieldOf(json, "action")}`;
  const { deliveryId, duplicate } = await acceptDelivery({
    source,
    idempotencyKey: rules.idempotencyKey(request.headers, kind, body),
    eventType: `${kind}${action}`.slice(0, 100),
    orgId,
    payload: json,
    // The job acts on this event; the body stays on the delivery for previews, erasure and a person's eyes.
    event: reading.kind === "event" ? reading.event : null,
    ignoredReason: reading.kind === "ignored" ? reading.reason : null,
  });
  if (duplicate) return NextResponse.json({ status: "duplicate", deliveryId });
  if (reading.kind === "ignored") return NextResponse.json({ status: "ignored", deliveryId, reason: reading.reason });
  // Processing starts on the next turn of the event loop, after this answer, not at the worker's next tick.
  kickJobWorker();
  return NextResponse.json({ status: "accepted", deliveryId }, { status: 202 });
}
