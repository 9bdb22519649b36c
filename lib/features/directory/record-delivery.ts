import "server-only";
import { acceptWorkosDelivery } from "@/lib/db/queries/webhook-deliveries";
import { findOrgByWorkosId } from "@/lib/db/system/organizations";
import { actsOnEvent, eventOrganizationId, type WorkosEvent } from "./events";

/**
 * Records a verified WorkOS event under the org it names (none for user-level events) and queues its processing,
 * unless it is one Bosun does not act on, which is kept as ignored with the reason. The event id makes redeliveries
 * and replays of a signed body harmless.
 */
export async function recordWorkosDelivery(event: WorkosEvent) {
  const workosOrgId = eventOrganizationId(event);
  const org = workosOrgId ? await findOrgByWorkosId({ workosOrgId }) : null;
  const ignoredReason = actsOnEvent(event.event) ? null : `${event.event} needs no action`;
  const accepted = await acceptWorkosDelivery({
    idempotencyKey: event.id,
    eventType: event.event,
    orgId: org?.id ?? null,
    payload: event,
    event,
    ignoredReason,
  });
  return { accepted, ignoredReason };
}
