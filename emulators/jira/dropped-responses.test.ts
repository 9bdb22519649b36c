import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { callJira, createJiraClients } from "@/lib/integrations/jira/client";
import type { JiraEmulator } from "./index";
import { ADA, basicAuth, raw, startTestEmulator } from "./testing";

let emulator: JiraEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(() => raw(emulator, "DELETE", "/__emulator/faults", undefined, null));

const CREATE_PATH = "/acme/rest/api/3/issue";
const story = (summary: string) => ({ fields: { project: { key: "ACME" }, issuetype: { name: "Story" }, summary } });
const issuesNamed = (summary: string) =>
  emulator
    .store()
    .sites.get("acme")!
    .data.issues.filter((issue) => issue.summary === summary);

const postCreate = (summary: string) =>
  fetch(`${emulator.url}${CREATE_PATH}`, {
    method: "POST",
    headers: { authorization: basicAuth(), "content-type": "application/json" },
    body: JSON.stringify(story(summary)),
  });

async function transportFailure(request: Promise<unknown>): Promise<unknown> {
  const outcome = await request.then(
    (value) => ({ answered: value }),
    (error: unknown) => ({ failed: error }),
  );
  if (!("failed" in outcome))
    throw new Error(
      `expected no HTTP answer, got ${JSON.stringify(outcome.answered instanceof Response ? outcome.answered.status : outcome.answered)}`,
    );
  return outcome.failed;
}

describe("dropResponseRate and dropResponseCount on the Jira emulator", () => {
  it("dropResponseRate 1 on POST creates: fetch gets no answer, yet the issue was created and reads still answer", async () => {
    const faults = await raw(
      emulator,
      "PUT",
      "/__emulator/faults",
      { dropResponseRate: 1, pathPrefix: CREATE_PATH, methods: ["POST"] },
      null,
    );
    expect(faults.status).toBe(200);
    expect(faults.body).toMatchObject({ dropResponseRate: 1, methods: ["POST"] });

    const error = await transportFailure(postCreate("Dropped by fetch"));
    expect(error).toBeInstanceOf(TypeError);

    const [created] = issuesNamed("Dropped by fetch");
    expect(created).toBeDefined();
    const read = await raw(emulator, "GET", `${CREATE_PATH}/${created!.key}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ key: created!.key, fields: { summary: "Dropped by fetch" } });
  });

  it("dropResponseRate 1: jira.js through createJiraClients fails as unreachable, and the create stuck exactly once", async () => {
    await raw(
      emulator,
      "PUT",
      "/__emulator/faults",
      { dropResponseRate: 1, pathPrefix: CREATE_PATH, methods: ["POST"] },
      null,
    );
    const { v3 } = createJiraClients({ siteUrl: `${emulator.url}/acme`, ...ADA, timeoutMs: 30_000 });

    const error = await transportFailure(callJira(() => v3.issues.createIssue(story("Dropped by jira.js") as never)));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ service: "jira", reason: "unreachable", status: undefined });

    expect(issuesNamed("Dropped by jira.js")).toHaveLength(1);
    const fetched = await callJira(() =>
      v3.issues.getIssue({ issueIdOrKey: issuesNamed("Dropped by jira.js")[0]!.key }),
    );
    expect(fetched.fields.summary).toBe("Dropped by jira.js");
  });

  it("dropResponseCount 2 drops exactly two creates, then answers 201; all three issues exist", async () => {
    await raw(
      emulator,
      "PUT",
      "/__emulator/faults",
      { dropResponseCount: 2, pathPrefix: CREATE_PATH, methods: ["POST"] },
      null,
    );

    await transportFailure(postCreate("Counted drop"));
    expect((await raw(emulator, "GET", "/__emulator/faults", undefined, null)).body).toMatchObject({
      dropResponseCount: 1,
    });
    await transportFailure(postCreate("Counted drop"));
    const answered = await postCreate("Counted drop");
    expect(answered.status).toBe(201);

    expect(issuesNamed("Counted drop")).toHaveLength(3);
    expect((await raw(emulator, "GET", "/__emulator/faults", undefined, null)).body).toMatchObject({
      dropResponseCount: 0,
    });
  });

  it("reads under the prefix and writes outside it are unaffected by a POST-only drop on creates", async () => {
    await raw(
      emulator,
      "PUT",
      "/__emulator/faults",
      { dropResponseRate: 1, pathPrefix: CREATE_PATH, methods: ["POST"] },
      null,
    );
    expect((await raw(emulator, "GET", `${CREATE_PATH}/ACME-1`)).status).toBe(200);
    const search = await raw(emulator, "POST", "/acme/rest/api/3/search/jql", { jql: "project = ACME", maxResults: 1 });
    expect(search.status).toBe(200);
  });

  it("refuses a drop rate above 1 with a 400 naming the field", async () => {
    const refused = await raw(emulator, "PUT", "/__emulator/faults", { dropResponseRate: 2 }, null);
    expect(refused).toMatchObject({ status: 400, body: { error: "dropResponseRate must be between 0 and 1" } });
  });
});
