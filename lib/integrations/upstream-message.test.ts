import { describe, expect, it } from "vitest";
import { IntegrationError } from "./integration-error";
import { describeIntegrationError, integrationErrorText } from "./upstream-message";

describe("describeIntegrationError", () => {
  it("leads with the plain explanation and keeps Jira's answer as the technical text", () => {
    const error = new IntegrationError({
      service: "jira",
      reason: "bad_request",
      status: 400,
      message: "Jira answered 400: The value '0.1.0' does not exist for the field 'fixVersion'.",
    });
    const shown = describeIntegrationError(error, { jiraProjectKeys: ["ACME", "PORT", "HULL"] });
    expect(shown.headline).toBe(
      "No Jira fixVersion named 0.1.0 in ACME, PORT or HULL — create it in Jira (Project settings → Releases) or link another version.",
    );
    expect(shown.technical).toBe(error.message);
  });

  it("explains failures without an answer from their reason and code", () => {
    const error = new IntegrationError({
      service: "sentry",
      reason: "timeout",
      code: "TimeoutError",
      message: "No answer from Sentry (TimeoutError)",
    });
    expect(describeIntegrationError(error).title).toBe("Sentry did not answer in time");
  });

  it("carries the wait a rate limit asked for", () => {
    const error = new IntegrationError({
      service: "jira",
      reason: "rate_limited",
      status: 429,
      retryAfterSeconds: 90,
      message: "Jira answered 429",
    });
    expect(describeIntegrationError(error).action).toBe("Bosun tries again in 2 minutes; nothing needs doing.");
  });

  it("gives one line for places that showed the raw message", () => {
    const error = new IntegrationError({
      service: "jira",
      reason: "bad_credentials",
      status: 401,
      message: "Jira answered 401",
    });
    expect(integrationErrorText(error)).toBe(
      "Jira rejected Bosun's credentials — an admin can enter a new API token under Settings → Integrations → Jira. (Jira answered 401)",
    );
  });
});
