import "server-only";
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { ORG_SLUG } from "@/lib/platform/auth/org-slug";
import { acceptDelivery } from "@/lib/db/queries/webhook-deliveries";
import { kickJobWorker } from "@/lib/platform/jobs";
import { readLimitedBody, tooLargeAnswer } from "@/lib/platform/security/read-limited-body";
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

/**
 * A delivery as intake reads it, whichever server received it: a Web Request (the route handlers) or Node's own
 * request (the webhook front, which skips building a Request per delivery).
 */
export type IncomingDelivery = {
  /** A header by its lower-case name; repeated values joined with ", ", as `Headers.get` does. */
  header: (name: string) => string | null;
  /** The body as text, or `{ ok: false }` once it passes the size limit (read no further than that). */
  readBody: () => Promise<{ ok: true; text: string } | { ok: false }>;
};

/** Intake's answer: a JSON body with its status (and, for a refused body, `connection: close`). */
export type IntakeAnswer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

const problem = (
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
): IntakeAnswer => ({ status, body: { error, message, ...extra } });

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

type Header = IncomingDelivery["header"];

type SourceRules = {
  name: string;
  verify: (header: Header, body: string, secret: string) => SignatureCheck;
  /** The event's name: from a header (Sentry's resource, GitHub's event) or the body (Jira's webhookEvent). */
  kind: (header: Header, json: unknown) => string | null;
  read: (kind: string | null, json: unknown) => Reading;
  /** What makes a redelivery the same delivery. */
  idempotencyKey: (header: Header, kind: string | null, body: string) => string;
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
    verify: (header, body, secret) =>
      verifySentrySignature({
        header: header("sentry-hook-signature"),
        timestampHeader: header("sentry-hook-timestamp"),
        body,
        secret,
        now: Date.now(),
      }),
    kind: (header) => header("sentry-hook-resource"),
    read: (kind, json) => readWebhook("sentry", kind, json),
    idempotencyKey: (_header, kind, body) => bodyHash(kind, body),
  },
  github: {
    name: "GitHub",
    verify: (header, body, secret) => verifyGithubSignature({ header: header("x-hub-signature-256"), body, secret }),
    kind: (header) => header("x-github-event"),
    read: (kind, json) => readWebhook("github", kind, json),
    idempotencyKey: (_header, kind, body) => bodyHash(kind, body),
  },
  jira: {
    name: "Jira",
    verify: (header, body, secret) => verifyJiraSignature({ header: header("x-hub-signature"), body, secret }),
    kind: (_header, json) => fieldOf(json, "webhookEvent"),
    read: (_kind, json) =>
      isPlainObject(json) ? readJiraWebhook(json) : { kind: "invalid", fields: { body: "must be a JSON object" } },
    idempotencyKey: (header, kind, body) => {
      const identifier = header("x-atlassian-webhook-identifier")?.trim();
      return identifier ? `id:${identifier.slice(0, 200)}` : bodyHash(kind, body);
    },
  },
};

/** Intake for a route handler's Web Request: `takeWebhook`'s answer as a response. */
export async function acceptWebhook({
  source,
  orgSlug,
  request,
}: {
  source: Source;
  orgSlug: string;
  request: Request;
}): Promise<NextResponse> {
  const { status, body, headers } = await takeWebhook({
    source,
    orgSlug,
    delivery: {
      header: (name) => request.headers.get(name),
      readBody: async () => {
        const read = await readLimitedBody(request);
        return read.ok ? { ok: true, text: read.text } : { ok: false };
      },
    },
  });
  return NextResponse.json(body, { status, headers });
}

/** Intake itself, for any server: see the top of this file. */
export async function takeWebhook({
  source,
  orgSlug,
  delivery,
}: {
  source: Source;
  orgSlug: string;
  delivery: IncomingDelivery;
}): Promise<IntakeAnswer> {
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

  const read = await delivery.readBody();
  if (!read.ok) return tooLargeAnswer();
  const body = read.text;

  const signature = rules.verify(delivery.header, body, secret);
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
  const kind = rules.kind(delivery.header, json);
  const reading = rules.read(kind, json);
  if (reading.kind === "invalid")
    return problem(400, "invalid_payload", "The payload is not what this webhook sends.", { fields: reading.fields });

  const action = fieldOf(json, "action") === null ? "" : `.${fieldOf(json, "action")}`;
  const { deliveryId, duplicate } = await acceptDelivery({
    source,
    idempotencyKey: rules.idempotencyKey(delivery.header, kind, body),
    eventType: `${kind}${action}`.slice(0, 100),
    orgId,
    payload: json,
    // The job acts on this event; the body stays on the delivery for previews, erasure and a person's eyes.
    event: reading.kind === "event" ? reading.event : null,
    ignoredReason: reading.kind === "ignored" ? reading.reason : null,
  });
  if (duplicate) return { status: 200, body: { status: "duplicate", deliveryId } };
  if (reading.kind === "ignored")
    return { status: 200, body: { status: "ignored", deliveryId, reason: reading.reason } };
  // Processing starts on the next turn of the event loop, after this answer, not at the worker's next tick.
  kickJobWorker();
  return { status: 202, body: { status: "accepted", deliveryId } };
}
