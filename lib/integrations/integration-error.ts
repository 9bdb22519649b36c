import type { UpstreamFailureReason } from "@/lib/domain/upstream-messages";

export type IntegrationService = "jira" | "sentry" | "workos";

/**
 * Why a call to an external service failed, in terms a caller can act on: the HTTP answer's meaning, or the reason
 * there was no usable answer. The same words the plain-language messages are chosen by.
 */
export type IntegrationFailureReason = UpstreamFailureReason;

export type IntegrationErrorInit = {
  service: IntegrationService;
  reason: IntegrationFailureReason;
  message: string;
  status?: number;
  /** The network error code (ECONNREFUSED, ETIMEDOUT, TimeoutError…) when there was no HTTP answer. */
  code?: string;
  /** From `Retry-After` on a 429, so callers can back off as long as the service asks. */
  retryAfterSeconds?: number;
  cause?: unknown;
};

/** The one error integration clients throw, so vendor SDK errors never leave lib/integrations. */
export class IntegrationError extends Error {
  readonly service: IntegrationService;
  readonly reason: IntegrationFailureReason;
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterSeconds?: number;

  constructor({ service, reason, message, status, code, retryAfterSeconds, cause }: IntegrationErrorInit) {
    super(message, { cause });
    this.name = "IntegrationError";
    this.service = service;
    this.reason = reason;
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
