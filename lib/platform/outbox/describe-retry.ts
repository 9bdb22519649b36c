import type { RetryWriteResult } from "./retry-write";

/** A person's retry or resume, as one sentence for the page. Pure, so it is tested directly. */
export function describeRetry(
  outcome: RetryWriteResult,
): { ok: true; data: { status: string; message: string } } | { ok: false; error: string } {
  switch (outcome.status) {
    case "not_found":
      return { ok: false, error: "That write no longer exists." };
    case "not_allowed":
      return { ok: false, error: "Only admins and managers can retry writes someone else made." };
    case "wrong_state":
      return { ok: false, error: `This write is ${outcome.current.replace("_", " ")} now; refresh the page.` };
    case "succeeded":
      return { ok: true, data: { status: "succeeded", message: "Done: the write went through." } };
    case "pending":
      return {
        ok: true,
        data: {
          status: "pending",
          message: outcome.error
            ? `Still not through (${outcome.error}); it will be retried automatically.`
            : "Queued behind earlier writes to the same item; it will go through after them.",
        },
      };
    case "failed":
      return { ok: true, data: { status: "failed", message: `Failed again: ${outcome.error}` } };
  }
}
