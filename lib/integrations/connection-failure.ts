import type { IntegrationError } from "./integration-error";
import { formatSeconds } from "./http";

/** A failed connection check; `status` is left out rather than undefined when the service never answered. */
export function connectionFailure<R extends string>(
  reason: R,
  message: string,
  status?: number,
): { ok: false; reason: R; message: string; status?: number } {
  return status === undefined ? { ok: false, reason, message } : { ok: false, reason, message, status };
}

/** How a connection check names the service and what the person entered, in the messages every service shares. */
export type ConnectionSubject = {
  /** The service's name as a person knows it, e.g. "Jira". */
  service: string;
  /** The address the check called. */
  address: string;
  /** What the person should check when the address cannot be reached, e.g. "the site address". */
  addressField: string;
  /** Whose requests a service limits: "account" or "token". */
  caller: string;
  /** Where the service reports its outages, e.g. "status.atlassian.com". */
  statusPage: string;
  timeoutMs: number;
};

type SharedFailureReason = "unreachable" | "blocked_address" | "timeout" | "rate_limited" | "unexpected";

/**
 * Explains the failures that read the same for every service: no answer, a refused internal address, a slow,
 * limiting or broken service, and anything else unexpected. Each service explains credentials, access and wrong
 * addresses in its own words before falling back to this.
 */
export function describeSharedFailure(error: IntegrationError, subject: ConnectionSubject) {
  const { service, statusPage } = subject;
  const { status } = error;
  switch (error.reason) {
    case "unreachable":
      return connectionFailure<SharedFailureReason>(
        "unreachable",
        `Could not reach ${new URL(subject.address).host} (${error.code}). Check ${subject.addressField} and that Bosun's server can reach it.`,
      );
    case "blocked_address":
      return connectionFailure<SharedFailureReason>(
        "blocked_address",
        `Bosun does not connect to internal addresses: ${error.message}.`,
      );
    case "timeout":
      return connectionFailure<SharedFailureReason>(
        "timeout",
        `${service} did not answer within ${formatSeconds(subject.timeoutMs)}. Try again; if it keeps happening, check ${statusPage}.`,
      );
    case "rate_limited": {
      const wait = error.retryAfterSeconds === undefined ? "in a minute" : `in ${error.retryAfterSeconds} s`;
      return connectionFailure<SharedFailureReason>(
        "rate_limited",
        `${service} is limiting requests from this ${subject.caller} (${status}). Try again ${wait}.`,
        status,
      );
    }
    case "server_error":
      return connectionFailure<SharedFailureReason>(
        "unexpected",
        `${service} had a server error (${status}). Try again later; if it keeps happening, check ${statusPage}.`,
        status,
      );
    default:
      return connectionFailure<SharedFailureReason>(
        "unexpected",
        `${service}'s answer was unexpected: ${error.message}.`,
        status,
      );
  }
}
