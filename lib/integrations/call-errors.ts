import "server-only";
import { IntegrationError, type IntegrationService } from "./integration-error";
import { classifyTransportError, summarizeUpstreamText } from "./http";
import type { UpstreamAddressRefusedError } from "./upstream-errors";

/** How messages name each service. */
const SERVICE_NAMES: Record<IntegrationService, string> = { jira: "Jira", sentry: "Sentry", workos: "WorkOS" };

/** The error for a call the outbound policy refused because its address is internal. */
export function blockedAddressError(
  service: IntegrationService,
  refusal: UpstreamAddressRefusedError,
  cause: unknown,
): IntegrationError {
  return new IntegrationError({
    service,
    reason: "blocked_address",
    code: refusal.code,
    message: refusal.message,
    cause,
  });
}

/**
 * The error for a call that got no HTTP answer (unreachable or timed out), or that failed in a way nothing else
 * explains; the message keeps only a short, plain-text reason, since members see it.
 */
export function noAnswerError(service: IntegrationService, error: unknown): IntegrationError {
  const name = SERVICE_NAMES[service];
  const transport = classifyTransportError(error);
  if (transport)
    return new IntegrationError({
      service,
      reason: transport.reason,
      code: transport.code,
      message: `No answer from ${name} (${transport.code})`,
      cause: error,
    });
  const reason = summarizeUpstreamText(error instanceof Error ? error.message : String(error)) ?? "no readable reason";
  return new IntegrationError({
    service,
    reason: "unexpected",
    message: `${name} call failed: ${reason}`,
    cause: error,
  });
}
