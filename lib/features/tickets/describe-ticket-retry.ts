import type { TicketOutcome } from "./sentry-to-jira";

/** A retried Sentry ticket, as one sentence for the automations page. Pure. */
export function describeTicketRetry(
  outcome: TicketOutcome,
): { ok: true; data: { status: string; message: string } } | { ok: false; error: string } {
  switch (outcome.status) {
    case "created":
    case "existing":
      return { ok: true, data: { status: "succeeded", message: `Done: ${outcome.key} is filed and linked.` } };
    case "pending":
      return { ok: true, data: { status: "pending", message: outcome.message } };
    case "failed":
      return { ok: true, data: { status: "failed", message: `Failed again: ${outcome.message}` } };
  }
}
