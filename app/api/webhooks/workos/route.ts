// POST /api/webhooks/workos - WorkOS events (directory sync, users, memberships), signed with WorkOS-Signature.
import { NextResponse } from "next/server";
import { handleWorkosEvent } from "@/lib/directory/handle-workos-event";
import { eventOrganizationId, workosEventSchema } from "@/lib/directory/events";
import { findOrgByWorkosId } from "@/lib/db/queries/organizations";
import { finishDelivery, recordDelivery } from "@/lib/db/queries/webhook-deliveries";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { readLimitedBody } from "@/lib/security/read-limited-body";
import { verifyWorkosSignature } from "@/lib/webhooks/signatures";

export async function POST(request: Request) {
  const secret = env.workos.webhookSecret;
  if (!secret) return NextResponse.json({ error: "not_configured", message: "WORKOS_WEBHOOK_SECRET is not set." }, { status: 503 });
  const read = await readLimitedBody(request);
  if (!read.ok) return read.response;
  const body = read.text;
  const signature = verifyWorkosSignature({ header: request.headers.get("workos-signature"), body, secret, now: Date.now() });
  if (!signature.ok) return NextResponse.json({ error: "invalid_signature", reason: signature.reason }, { status: 401 });

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return NextResponse.json({ error: "invalid_json", message: "The body is not JSON." }, { status: 400 });
  }
  const parsed = workosEventSchema.safeParse(json);
  if (!parsed.success) return NextResponse.json({ error: "invalid_event", fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message])) }, { status: 400 });
  const event = parsed.data;

  const workosOrgId = eventOrganizationId(event);
  const org = workosOrgId ? await findOrgByWorkosId({ workosOrgId }) : null;
  // The event id makes redeliveries and replays of a signed body harmless.
  const delivery = await recordDelivery({ source: "workos", idempotencyKey: event.id, eventType: event.event, orgId: org?.id ?? null, payload: event });
  if (delivery.duplicate) return NextResponse.json({ status: "duplicate" });

  try {
    const outcome = await handleWorkosEvent(event);
    await finishDelivery({ id: delivery.id, status: outcome.status });
    return NextResponse.json({ status: outcome.status, note: outcome.note });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishDelivery({ id: delivery.id, status: "failed", error: message });
    logger.error({ err: error, eventId: event.id, event: event.event }, "WorkOS event failed");
    // A 5xx makes WorkOS deliver it again; the failed delivery is retried, not skipped.
    return NextResponse.json({ error: "processing_failed", message }, { status: 500 });
  }
}
