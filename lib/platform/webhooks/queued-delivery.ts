import "server-only";
import { z } from "zod";
import { PermanentJobError } from "@/lib/platform/jobs";

/**
 * A delivery's job as intake queues it: the delivery's id and the event intake
 * read from the body, so the job acts on that event instead of reading the
 * body again. `event` is null for a job queued before intake stored events.
 */
export type QueuedDelivery<E> = { deliveryId: string; event: E | null };

const envelope = z.object({ deliveryId: z.string().min(1), event: z.unknown().optional() });

/** The job's delivery and event, checked against `schema`; a job that is neither is dead on arrival. */
export function readQueuedDelivery<S extends z.ZodType>(payload: unknown, schema: S): QueuedDelivery<z.output<S>> {
  const job = envelope.safeParse(payload);
  if (!job.success) throw new PermanentJobError("The job names no delivery");
  const { deliveryId, event } = job.data;
  if (event === undefined) return { deliveryId, event: null };
  const parsed = schema.safeParse(event);
  if (!parsed.success)
    throw new PermanentJobError(
      `The event queued with delivery ${deliveryId} is not one intake stores: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "event"} ${issue.message}`).join("; ")}`,
    );
  return { deliveryId, event: parsed.data };
}
