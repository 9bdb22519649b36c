// POST /api/webhooks/workos - WorkOS events (directory sync, users, memberships), signed with WorkOS-Signature.
import { NextResponse } from "next/server";
import { recordWorkosDelivery, workosEventSchema } from "@/lib/features/directory";
import { env } from "@/lib/platform/env";
import { kickJobWorker } from "@/lib/platform/jobs";
import { readLimitedBody } from "@/lib/platform/security/read-limited-body";
import { verifyWorkosSignature } from "@/lib/platform/webhooks/signatures";

/**
 * Verifies and validates the event, records it and queues its processing,
 * and answers at once: the event is applied on the job queue, with retries,
 * in the order of event time per object (lib/features/directory/handle-workos-event.ts).
 */
export async function POST(request: Request) {
  const secret = env.workos.webhookSecret;
  if (!secret)
    return NextResponse.json(
      { error: "not_configured", message: "WORKOS_WEBHOOK_SECRET is not set." },
      { status: 503 },
    );
  const read = await readLimitedBody(request);
  if (!read.ok) return read.response;
  const body = read.text;
  const signature = verifyWorkosSignature({
    header: request.headers.get("workos-signature"),
    body,
    secret,
    now: Date.now(),
  });
  if (!signature.ok)
    return NextResponse.json({ error: "invalid_signature", reason: signature.reason }, { status: 401 });

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return NextResponse.json({ error: "invalid_json", message: "The body is not JSON." }, { status: 400 });
  }
  const parsed = workosEventSchema.safeParse(json);
  if (!parsed.success)
    return NextResponse.json(
      {
        error: "invalid_event",
        fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message])),
      },
      { status: 400 },
    );
  const { accepted, ignoredReason } = await recordWorkosDelivery(parsed.data);
  if (accepted.status === "duplicate") return NextResponse.json({ status: "duplicate" });
  if (accepted.status === "ignored")
    return NextResponse.json({ status: "ignored", deliveryId: accepted.deliveryId, note: ignoredReason });
  // Processing starts on the next turn of the event loop, after this answer, not at the worker's next tick.
  kickJobWorker();
  return NextResponse.json({ status: "queued", deliveryId: accepted.deliveryId }, { status: 202 });
}
