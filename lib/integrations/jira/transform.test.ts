import { HttpException } from "jira.js";
import { describe, expect, it } from "vitest";
import { IntegrationError } from "@/lib/errors";
import { jiraErrorDetail, toIntegrationError, toJiraAccount, toJiraSiteInfo } from "./transform";

const NOW = Date.parse("2026-11-20T12:00:00Z");

/** What jira.js throws for an HTTP answer: an HttpException whose cause is the axios error with the response. */
function httpException(status: number, data: unknown, headers: Record<string, string> = {}) {
  return new HttpException({ message: `Request failed with status code ${status}`, data, status }, status, { cause: { response: { status, headers, data } } });
}

describe("toJiraAccount", () => {
  it("maps /myself to the account", () => {
    const user = { accountId: "5b10ac8d82e05b22cc7d4ef5", displayName: "Ada Lovelace", emailAddress: "ada@acme.test", active: true, accountType: "atlassian" };
    expect(toJiraAccount(user)).toEqual({ accountId: "5b10ac8d82e05b22cc7d4ef5", displayName: "Ada Lovelace", email: "ada@acme.test" });
  });

  it("copes with an e-mail hidden by privacy settings", () => {
    expect(toJiraAccount({ accountId: "a1", displayName: "Ada", emailAddress: "" })).toEqual({ accountId: "a1", displayName: "Ada", email: null });
    expect(toJiraAccount({ accountId: "a1", displayName: "Ada", emailAddress: null })).toEqual({ accountId: "a1", displayName: "Ada", email: null });
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
    const info = { baseUrl: "https://acme.atlassian.net", version: "1001.0.0-SNAPSHOT", deploymentType: "Cloud", buildNumber: 100287, serverTitle: "Jira" };
    expect(toJiraSiteInfo(info)).toEqual({ baseUrl: "https://acme.atlassian.net", title: "Jira", deploymentType: "Cloud", version: "1001.0.0-SNAPSHOT" });
  });

  it("fills what a sparse answer leaves out", () => {
    expect(toJiraSiteInfo({ baseUrl: "https://acme.atlassian.net" })).toEqual({ baseUrl: "https://acme.atlassian.net", title: "Jira", deploymentType: null, version: null });
  });

  it("rejects answers that are not Jira's", () => {
    expect(toJiraSiteInfo("<html></html>")).toBeNull();
    expect(toJiraSiteInfo({ title: "Acme" })).toBeNull();
  });
});

describe("jiraErrorDetail", () => {
  it("joins errorMessages and field errors", () => {
    expect(jiraErrorDetail({ errorMessages: ["Issue does not exist."], errors: { summary: "Summary is required." } })).toBe("Issue does not exist. summary: Summary is required.");
  });

  it("is null for bodies that are not an ErrorCollection or say nothing", () => {
    expect(jiraErrorDetail({ errorMessages: [], errors: {} })).toBeNull();
    expect(jiraErrorDetail("Rate limit exceeded")).toBeNull();
    expect(jiraErrorDetail(undefined)).toBeNull();
  });
});

describe("toIntegrationError", () => {
  it("keeps the status and Jira's message from an HTTP answer", () => {
    const error = toIntegrationError(httpException(401, { errorMessages: ["Client must be authenticated to access this resource."], errors: {} }), NOW);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ service: "jira", reason: "bad_credentials", status: 401, message: "Jira answered 401: Client must be authenticated to access this resource." });
  });

  it("reads Retry-After on a 429", () => {
    const error = toIntegrationError(httpException(429, { errorMessages: ["Rate limit exceeded."] }, { "retry-after": "30" }), NOW);
    expect(error).toMatchObject({ reason: "rate_limited", status: 429, retryAfterSeconds: 30 });
  });

  it("recognises axios errors that never got an answer", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { isAxiosError: true, code: "ECONNREFUSED" });
    expect(toIntegrationError(refused, NOW)).toMatchObject({ reason: "unreachable", code: "ECONNREFUSED", message: "No answer from Jira (ECONNREFUSED)" });
    const timedOut = Object.assign(new Error("timeout of 10000ms exceeded"), { isAxiosError: true, code: "ECONNABORTED" });
    expect(toIntegrationError(timedOut, NOW)).toMatchObject({ reason: "timeout", code: "ECONNABORTED", status: undefined });
  });

  it("does not trust the 500 jira.js gives errors that had no HTTP answer", () => {
    expect(toIntegrationError(new HttpException(new Error("socket exploded")), NOW)).toMatchObject({ reason: "unexpected", status: undefined, message: "Jira call failed: socket exploded" });
  });

  it("passes an IntegrationError through", () => {
    const original = new IntegrationError({ service: "jira", reason: "timeout", message: "late" });
    expect(toIntegrationError(original, NOW)).toBe(original);
  });
});
