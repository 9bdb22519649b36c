import { describe, expect, it } from "vitest";
import {
  explainUpstreamErrorText,
  formatUpstreamHeadline,
  parseUpstreamErrorText,
  translateUpstreamError,
  translateUpstreamErrorText,
  type UpstreamFailure,
} from "./index";

const projects = { jiraProjectKeys: ["ACME", "PORT", "HULL"] };
const jira400 = (message: string): UpstreamFailure => ({
  service: "jira",
  reason: "bad_request",
  status: 400,
  message,
});

describe("Jira 400 field errors", () => {
  it("names the missing fixVersion and where Bosun looked, from a JQL error", () => {
    const message = translateUpstreamError(
      jira400("The value '0.1.0' does not exist for the field 'fixVersion'."),
      projects,
    );
    expect(message.title).toBe("No Jira fixVersion named 0.1.0 in ACME, PORT or HULL");
    expect(message.action).toMatch(/^Create it in Jira .* or link another version\.$/);
    expect(formatUpstreamHeadline(message)).toBe(
      "No Jira fixVersion named 0.1.0 in ACME, PORT or HULL — create it in Jira (Project settings → Releases) or link another version.",
    );
  });

  it("reads a fixVersion from Jira's ErrorCollection as the client writes it", () => {
    const message = translateUpstreamError(jira400("fixVersions: Version name '2.15.0' is not valid"), {
      jiraProjectKeys: ["ACME"],
    });
    expect(message.title).toBe("No Jira fixVersion named 2.15.0 in ACME");
  });

  it("says 'your Jira projects' when the caller does not know them", () => {
    expect(translateUpstreamError(jira400("fixVersions: Version id '10001' is not valid")).title).toBe(
      "No Jira fixVersion named 10001 in your Jira projects",
    );
  });

  it("explains an unknown affects-version", () => {
    const message = translateUpstreamError(jira400("versions: Version name '1.0' is not valid"), {
      jiraProjectKeys: ["ACME", "PORT"],
    });
    expect(message.title).toBe("No Jira version named 1.0 in ACME or PORT");
    expect(message.action).toMatch(/Create the version/);
  });

  it("names a missing project from a JQL error and lists the projects the site has", () => {
    const message = translateUpstreamError(
      jira400("The value 'NOPE' does not exist for the field 'project'."),
      projects,
    );
    expect(message.title).toBe("Jira has no project NOPE");
    expect(message.detail).toContain("ACME, PORT or HULL");
  });

  it("uses the caller's project key when Jira's project error names none", () => {
    const message = translateUpstreamError(jira400("project: Specify a valid project ID or key"), {
      projectKey: "OPS",
    });
    expect(message.title).toBe("Jira has no project OPS");
    expect(message.action).toMatch(/project key/);
  });

  it("explains an issue type the project lacks", () => {
    const message = translateUpstreamError(jira400("issuetype: Issue type 'Incident' is not valid"), {
      projectKey: "ACME",
    });
    expect(message.title).toBe("Jira project ACME has no issue type Incident");
    expect(message.action).toMatch(/issue type scheme/);
  });

  it("explains a priority Jira does not define", () => {
    const message = translateUpstreamError(jira400("priority: Priority name 'Urgent' is not valid"));
    expect(message.title).toBe("Jira has no priority Urgent");
    expect(message.action).toMatch(/Priorities/);
  });

  it("explains an assignee Jira cannot assign", () => {
    const message = translateUpstreamError(jira400("assignee: User '5b10ac8d82e05b22cc7d4ef5' does not exist."), {
      projectKey: "ACME",
    });
    expect(message.title).toBe("Jira cannot make this person the assignee");
    expect(message.detail).toContain("in ACME");
    expect(message.action).toMatch(/Settings → Members/);
  });

  it("names an assignee by name when Jira gave one", () => {
    expect(translateUpstreamError(jira400("assignee: User 'grace' does not exist.")).title).toBe(
      "Jira cannot make grace the assignee",
    );
  });

  it("explains a custom field that is not on the screen", () => {
    const message = translateUpstreamError(
      jira400(
        "customfield_99999: Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
      ),
    );
    expect(message.title).toBe("Jira refused the field customfield_99999");
    expect(message.detail).toMatch(/not on the project's create or edit screen/);
  });

  it("quotes Jira on any other custom field complaint", () => {
    const message = translateUpstreamError(jira400("customfield_10020: Number value expected as the Sprint id."));
    expect(message.title).toBe("Jira refused the field customfield_10020");
    expect(message.detail).toBe("Jira said: Number value expected as the Sprint id.");
  });

  it("finds the field after Jira's general messages", () => {
    const message = translateUpstreamError(
      jira400("Some fields are invalid. priority: Priority name 'P0' is not valid"),
    );
    expect(message.title).toBe("Jira has no priority P0");
  });

  it("explains a missing issue key, an unknown field and a stale transition", () => {
    expect(
      translateUpstreamError(jira400("An issue with key 'ACME-99999' does not exist for field 'key'.")).title,
    ).toBe("Jira has no issue ACME-99999");
    expect(
      translateUpstreamError(jira400("Field 'foo' does not exist or you do not have permission to view it.")).title,
    ).toBe("Jira has no field foo");
    expect(
      translateUpstreamError(jira400("Transition id '31' is not valid for this issue."), { issueKey: "ACME-7" }).title,
    ).toBe("Jira cannot move ACME-7 that way");
  });

  it("quotes Jira when it names no field, and says so when it gave no reason", () => {
    expect(translateUpstreamError(jira400("Unexpected character in the request body")).detail).toBe(
      "Jira said: Unexpected character in the request body.",
    );
    expect(translateUpstreamError(jira400("")).detail).toBe("Jira did not say why.");
  });
});

describe("Jira answers other than 400", () => {
  it("401: bad credentials, fixed in settings", () => {
    const message = translateUpstreamError({ service: "jira", reason: "bad_credentials", status: 401, message: "" });
    expect(message.title).toBe("Jira rejected Bosun's credentials");
    expect(message.detail).toMatch(/API token or email/);
    expect(message.action).toMatch(/Settings → Integrations → Jira/);
  });

  it("403: permission, naming the project when known", () => {
    const message = translateUpstreamError(
      { service: "jira", reason: "forbidden", status: 403, message: "You do not have permission" },
      { projectKey: "HULL" },
    );
    expect(message.title).toBe("Bosun's Jira account may not do this");
    expect(message.detail).toContain("in HULL");
  });

  it("404: a project, an issue, a board, a site", () => {
    const notFound = (message: string) => ({
      service: "jira" as const,
      reason: "not_found" as const,
      status: 404,
      message,
    });
    expect(
      translateUpstreamError(notFound("No project could be found with key 'XYZ'."), { projectKey: "XYZ" }).title,
    ).toBe("Jira has no project XYZ");
    expect(
      translateUpstreamError(notFound("Issue does not exist or you do not have permission to see it."), {
        issueKey: "ACME-12",
      }).title,
    ).toBe("Jira has no issue ACME-12");
    expect(
      translateUpstreamError(notFound("Board does not exist or you do not have permission to see it."), { boardId: 4 })
        .title,
    ).toBe("Jira has no board 4");
    expect(translateUpstreamError(notFound("Site 'initech' does not exist.")).action).toMatch(/site URL/);
    expect(translateUpstreamError(notFound("")).title).toBe("Jira could not find what Bosun asked for");
  });

  it("429: says when Bosun tries again", () => {
    const limited = (retryAfterSeconds?: number) =>
      translateUpstreamError({ service: "jira", reason: "rate_limited", status: 429, message: "", retryAfterSeconds });
    expect(limited(120).action).toBe("Bosun tries again in 2 minutes; nothing needs doing.");
    expect(limited(30).action).toBe("Bosun tries again in 30 seconds; nothing needs doing.");
    expect(limited(1).action).toBe("Bosun tries again in 1 second; nothing needs doing.");
    expect(limited(7200).action).toBe("Bosun tries again in 2 hours; nothing needs doing.");
    expect(limited().action).toBe("Bosun tries again shortly; nothing needs doing.");
  });

  it("5xx: the service is down, with its status page", () => {
    const message = translateUpstreamError({ service: "jira", reason: "server_error", status: 503, message: "" });
    expect(message.title).toBe("Jira is having trouble (503)");
    expect(message.action).toContain("status.atlassian.com");
  });
});

describe("Sentry answers", () => {
  const sentry = (reason: UpstreamFailure["reason"], status: number, message = ""): UpstreamFailure => ({
    service: "sentry",
    reason,
    status,
    message,
  });
  it("400 quotes Sentry", () => {
    expect(translateUpstreamError(sentry("bad_request", 400, "Invalid query: unknown field")).detail).toBe(
      "Sentry said: Invalid query: unknown field.",
    );
  });
  it("401 and 403 point at the auth token and its scopes", () => {
    expect(translateUpstreamError(sentry("bad_credentials", 401)).action).toMatch(/auth token.*Sentry/);
    expect(translateUpstreamError(sentry("forbidden", 403)).action).toMatch(/event:read/);
  });
  it("404 names the missing project, issue or release", () => {
    expect(translateUpstreamError(sentry("not_found", 404, "The requested resource does not exist")).title).toBe(
      "Sentry could not find what Bosun asked for",
    );
    expect(translateUpstreamError(sentry("not_found", 404, "Project not found")).title).toBe(
      "Sentry has no such project",
    );
    expect(translateUpstreamError(sentry("not_found", 404, "Release not found")).title).toBe(
      "Sentry has no such release",
    );
    expect(translateUpstreamError(sentry("not_found", 404, "Issue not found")).title).toBe("Sentry has no such issue");
  });
  it("429 and 5xx", () => {
    expect(translateUpstreamError({ ...sentry("rate_limited", 429), retryAfterSeconds: 60 }).action).toBe(
      "Bosun tries again in 60 seconds; nothing needs doing.",
    );
    expect(translateUpstreamError(sentry("server_error", 502)).action).toContain("status.sentry.io");
  });
});

describe("WorkOS errors", () => {
  it("explains a role WorkOS does not have", () => {
    const message = translateUpstreamError({
      service: "workos",
      reason: "bad_request",
      status: 422,
      code: "invalid_role",
      message: "Role 'owner' does not exist.",
    });
    expect(message.title).toBe("WorkOS has no role owner");
  });
  it("explains a bad API key, a missing user and an outage", () => {
    expect(
      translateUpstreamError({ service: "workos", reason: "bad_credentials", status: 401, message: "Unauthorized" })
        .action,
    ).toMatch(/WorkOS API key/);
    expect(
      translateUpstreamError({ service: "workos", reason: "not_found", status: 404, message: "User not found" }).title,
    ).toBe("WorkOS could not find what Bosun asked for");
    expect(
      translateUpstreamError({ service: "workos", reason: "server_error", status: 500, message: "" }).action,
    ).toContain("status.workos.com");
  });
});

describe("failures without an answer", () => {
  it("unreachable names the network code", () => {
    const message = translateUpstreamError({
      service: "jira",
      reason: "unreachable",
      code: "ECONNREFUSED",
      message: "No answer from Jira (ECONNREFUSED)",
    });
    expect(message.title).toBe("Bosun cannot reach Jira");
    expect(message.detail).toContain("ECONNREFUSED");
    expect(message.action).toMatch(/outbox/);
  });
  it("timeout, blocked address, unreadable answer and anything else", () => {
    expect(translateUpstreamError({ service: "sentry", reason: "timeout", message: "" }).title).toBe(
      "Sentry did not answer in time",
    );
    expect(
      translateUpstreamError({
        service: "jira",
        reason: "blocked_address",
        message: "10.0.0.5 is a private address; add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it",
      }).action,
    ).toContain("BOSUN_ALLOWED_UPSTREAM_HOSTS");
    expect(translateUpstreamError({ service: "jira", reason: "invalid_response", message: "" }).title).toBe(
      "Jira answered with something Bosun cannot read",
    );
    expect(translateUpstreamError({ service: "sentry", reason: "unexpected", message: "socket hang up" }).detail).toBe(
      "socket hang up.",
    );
  });
});

describe("stored error texts", () => {
  it("reads the status and Jira's words back out of a stored message", () => {
    expect(parseUpstreamErrorText("Jira answered 400: project: Specify a valid project ID or key")).toEqual({
      service: "jira",
      reason: "bad_request",
      status: 400,
      message: "project: Specify a valid project ID or key",
    });
    expect(parseUpstreamErrorText("Sentry answered 404 to GET /api/0/issues/1/: Not found")).toMatchObject({
      service: "sentry",
      status: 404,
      message: "Not found",
    });
    expect(parseUpstreamErrorText("Jira answered 503")).toMatchObject({ reason: "server_error", message: "" });
  });

  it("tells a timeout from an unreachable host", () => {
    expect(parseUpstreamErrorText("No answer from Jira (ETIMEDOUT)")).toMatchObject({ reason: "timeout" });
    expect(parseUpstreamErrorText("No answer from Sentry (TimeoutError)")).toMatchObject({ reason: "timeout" });
    expect(parseUpstreamErrorText("No answer from Jira (ENOTFOUND)")).toMatchObject({ reason: "unreachable" });
  });

  it("recognises a refused address only when it knows the service", () => {
    const text =
      "jira.internal resolves to a private address (10.0.0.5); add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it";
    expect(parseUpstreamErrorText(text)).toBeNull();
    expect(parseUpstreamErrorText(text, "jira")).toMatchObject({ reason: "blocked_address" });
  });

  it("leaves Bosun's own words alone", () => {
    expect(translateUpstreamErrorText("No rule matched this event")).toBeNull();
    expect(translateUpstreamErrorText("")).toBeNull();
  });

  it("translates a stored Jira 400 with the caller's projects", () => {
    const message = translateUpstreamErrorText(
      "Jira answered 400: The value '0.1.0' does not exist for the field 'fixVersion'.",
      projects,
    );
    expect(message?.title).toBe("No Jira fixVersion named 0.1.0 in ACME, PORT or HULL");
  });

  it("reads the first failure of a run's error, without Bosun's advice after it", () => {
    expect(
      parseUpstreamErrorText(
        "Create the bug: Jira answered 400: assignee: User 'abc' cannot be assigned issues. — retry it, or create it in the right Jira project to replace it.",
      ),
    ).toMatchObject({ status: 400, message: "assignee: User 'abc' cannot be assigned issues." });
    expect(
      parseUpstreamErrorText("Move ACME-1: Jira answered 404: Issue does not exist; Move ACME-2: Jira answered 503"),
    ).toMatchObject({ status: 404, message: "Issue does not exist" });
  });

  it("keeps what Bosun was doing at the head of a wrapped message", () => {
    expect(translateUpstreamErrorText("Sentry could not be read: Sentry answered 401 to GET /api/0/x/")?.title).toBe(
      "Sentry could not be read: Sentry rejected Bosun's credentials",
    );
    expect(translateUpstreamErrorText("gave up after 24 h of retries: Jira answered 503")?.title).toBe(
      "Gave up after 24 h of retries: Jira is having trouble (503)",
    );
    expect(translateUpstreamErrorText("Create the bug: No answer from Jira (ECONNREFUSED)")?.title).toBe(
      "Create the bug: Bosun cannot reach Jira",
    );
  });
});

describe("one-line explanation", () => {
  it("puts the headline first and keeps the recorded text in brackets", () => {
    expect(explainUpstreamErrorText("Sentry answered 503")).toBe(
      "Sentry is having trouble (503) — Bosun tries again on its own. If it lasts, check status.sentry.io. (Sentry answered 503)",
    );
    expect(explainUpstreamErrorText("timeout")).toBeNull();
  });
});

describe("headline", () => {
  it("keeps a proper noun at the start of the action capitalised", () => {
    const message = translateUpstreamError({ service: "jira", reason: "rate_limited", status: 429, message: "" });
    expect(formatUpstreamHeadline(message)).toBe(
      "Jira is limiting how often Bosun may call it — Bosun tries again shortly; nothing needs doing.",
    );
  });
});
