import { HttpException } from "jira.js";
import { describe, expect, it } from "vitest";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { UpstreamAddressRefusedError } from "../upstream-errors";
import { jiraErrorDetail, toIntegrationError, toJiraAccount, toJiraSiteInfo } from "./transform";

const NOW = Date.parse("2026-11-20T12:00:00Z");

/** What jira.js throws for an HTTP answer: an HttpException whose cause is the axios error with the response. */
function httpException(status: number, data: unknown, headers: Record<string, string> = {}) {
  return new HttpException({ message: `Request failed with status code ${status}`, data, status }, status, {
    cause: { response: { status, headers, data } },
  });
}

describe("toJiraAccount", () => {
  it("maps /myself to the account", () => {
    const user = {
      accountId: "5b10ac8d82e05b22cc7d4ef5",
      displayName: "Ada Lovelace",
      emailAddress: "ada@acme.test",
      active: true,
      accountType: "atlassian",
    };
    expect(toJiraAccount(user)).toEqual({
      accountId: "5b10ac8d82e05b22cc7d4ef5",
      displayName: "Ada Lovelace",
      email: "ada@acme.test",
    });
  });

  it("copes with an e-mail hidden by privacy settings", () => {
    expect(toJiraAccount({ accountId: "a1", displayName: "Ada", emailAddress: "" })).toEqual({
      accountId: "a1",
      displayName: "Ada",
      email: null,
    });
    expect(toJiraAccount({ accountId: "a1", displayName: "Ada", emailAddress: null })).toEqual({
      accountId: "a1",
      displayName: "Ada",
      email: null,
    });
  });

  it("falls back to the e-mail, then the account id, for a missing display name", () => {
    expect(toJiraAccount({ accountId: "a1", emailAddress: "ada@acme.test" })?.displayName).toBe("ada@acme.test");
    expect(toJiraAccount({ accountId: "a1" })?.displayName).toBe("a1");
  });

  it("rejects answers that are not a Jira user", () => {
    expect(toJiraAccount("<!doctype html><title>Acme</title>")).toBeNull();
    expect(toJiraAccount({ displayName: "Ada" })).toBeNull();
    expect(toJiraAccount(undefined)).toBeNull();
  });
});

describe("toJiraSiteInfo", () => {
  it("maps /serverInfo to the site", () => {
    const info = {
      baseUrl: "https://acme.atlassian.net",
      version: "1001.0.0-SNAPSHOT",
      deploymentType: "Cloud",
      buildNumber: 100287,
      serverTitle: "Jira",
    };
    expect(toJiraSiteInfo(info)).toEqual({
      baseUrl: "https://acme.atlassian.net",
      title: "Jira",
      deploymentType: "Cloud",
      version: "1001.0.0-SNAPSHOT",
    });
  });

  it("fills what a sparse answer leaves out", () => {
    expect(toJiraSiteInfo({ baseUrl: "https://acme.atlassian.net" })).toEqual({
      baseUrl: "https://acme.atlassian.net",
      title: "Jira",
      deploymentType: null,
      version: null,
    });
  });

  it("rejects answers that are not Jira's", () => {
    expect(toJiraSiteInfo("<html></html>")).toBeNull();
    expect(toJiraSiteInfo({ title: "Acme" })).toBeNull();
  });
});

describe("jiraErrorDetail", () => {
  it("joins errorMessages and field errors", () => {
    expect(
      jiraErrorDetail({ errorMessages: ["Issue does not exist."], errors: { summary: "Summary is required." } }),
    ).toBe("Issue does not exist. summary: Summary is required.");
  });

  it("finding 4 (SSRF): keeps Jira's own words to 200 characters of plain text, and drops markup", () => {
    expect(jiraErrorDetail({ errorMessages: ["x".repeat(500)] })).toBe(`${"x".repeat(199)}…`);
    expect(jiraErrorDetail({ errorMessages: ["Issue\u0000 does\n\n not \u202eexist."] })).toBe("Issue does not exist.");
    expect(
      jiraErrorDetail({
        errorMessages: ["<html><body><pre>java.lang.NullPointerException at com.atlassian.jira…</pre></body></html>"],
      }),
    ).toBeNull();
    expect(
      jiraErrorDetail({ errorMessages: ["Sprint not found."], errors: { goal: "<script>alert(1)</script>" } }),
    ).toBe("Sprint not found.");
    expect(jiraErrorDetail({ errors: { storyPoints: "must be < 100" } })).toBe("storyPoints: must be < 100");
  });

  it("is null for bodies that are not an ErrorCollection or say nothing", () => {
    expect(jiraErrorDetail({ errorMessages: [], errors: {} })).toBeNull();
    expect(jiraErrorDetail("Rate limit exceeded")).toBeNull();
    expect(jiraErrorDetail(undefined)).toBeNull();
  });
});

describe("toIntegrationError", () => {
  it("keeps the status and Jira's message from an HTTP answer", () => {
    const error = toIntegrationError(
      httpException(401, { errorMessages: ["Client must be authenticated to access this resource."], errors: {} }),
      NOW,
    );
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({
      service: "jira",
      reason: "bad_credentials",
      status: 401,
      message: "Jira answered 401: Client must be authenticated to access this resource.",
    });
  });

  it("reads Retry-After on a 429", () => {
    const error = toIntegrationError(
      httpException(429, { errorMessages: ["Rate limit exceeded."] }, { "retry-after": "30" }),
      NOW,
    );
    expect(error).toMatchObject({ reason: "rate_limited", status: 429, retryAfterSeconds: 30 });
  });

  it("recognises axios errors that never got an answer", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
      isAxiosError: true,
      code: "ECONNREFUSED",
    });
    expect(toIntegrationError(refused, NOW)).toMatchObject({
      reason: "unreachable",
      code: "ECONNREFUSED",
      message: "No answer from Jira (ECONNREFUSED)",
    });
    const timedOut = Object.assign(new Error("timeout of 10000ms exceeded"), {
      isAxiosError: true,
      code: "ECONNABORTED",
    });
    expect(toIntegrationError(timedOut, NOW)).toMatchObject({
      reason: "timeout",
      code: "ECONNABORTED",
      status: undefined,
    });
  });

  it("does not trust the 500 jira.js gives errors that had no HTTP answer", () => {
    expect(toIntegrationError(new HttpException(new Error("socket exploded")), NOW)).toMatchObject({
      reason: "unexpected",
      status: undefined,
      message: "Jira call failed: socket exploded",
    });
  });

  it("finding 4 (SSRF): a web page or stack trace in the answer leaves only the status", () => {
    const page =
      "<!doctype html><title>500</title><pre>org.apache.catalina.core.StandardWrapperValve invoke\n\tat com.atlassian…</pre>";
    expect(toIntegrationError(httpException(500, page), NOW)).toMatchObject({
      reason: "server_error",
      message: "Jira answered 500",
    });
    expect(toIntegrationError(httpException(500, { errorMessages: [page] }), NOW).message).toBe("Jira answered 500");
  });

  it("finding 4 (SSRF): says a redirect was not followed, without saying where it pointed", () => {
    const error = toIntegrationError(
      httpException(302, '<a href="http://10.0.0.5/">Found</a>', { location: "http://10.0.0.5/" }),
      NOW,
    );
    expect(error).toMatchObject({ status: 302, message: "Jira answered 302, a redirect, which Bosun does not follow" });
  });

  it("finding 4 (SSRF): names Bosun's own refusals, however deep axios wrapped them", () => {
    const refusal = new UpstreamAddressRefusedError(
      "intranet.test resolves to a private address (10.0.0.5); add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
    );
    const wrapped = Object.assign(new Error(refusal.message), {
      isAxiosError: true,
      code: "EUPSTREAMREFUSED",
      cause: refusal,
    });
    expect(toIntegrationError(wrapped, NOW)).toMatchObject({
      reason: "blocked_address",
      code: "EUPSTREAMREFUSED",
      message: refusal.message,
    });
    const tooLarge = Object.assign(new Error("maxContentLength size of 10485760 exceeded"), {
      isAxiosError: true,
      code: "ERR_BAD_RESPONSE",
    });
    expect(toIntegrationError(tooLarge, NOW)).toMatchObject({
      reason: "invalid_response",
      code: "EUPSTREAMTOOLARGE",
      message: "Jira's answer was larger than 10 MB, so Bosun stopped reading it",
    });
  });

  it("passes an IntegrationError through", () => {
    const original = new IntegrationError({ service: "jira", reason: "timeout", message: "late" });
    expect(toIntegrationError(original, NOW)).toBe(original);
  });
});
