import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readGithubWebhook, readPullRequestRecord } from "./webhook-transform";

const FIXTURES = path.resolve(__dirname, "../../../../shared/webhook-fixtures/github");
const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith(".json"));

describe("GitHub webhooks", () => {
  it.each(fixtures)("%s is read or ignored, never invalid", (name) => {
    const body = JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as unknown;
    const reading = readGithubWebhook(name.split(".")[0] ?? null, body);
    expect(reading.kind, JSON.stringify(reading)).not.toBe("invalid");
  });

  it("keeps a pull request's description, and reads a missing one as null", () => {
    const read = (name: string) => {
      const reading = readGithubWebhook("pull_request", JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")));
      return reading.kind === "event" && reading.event.type === "git.pull_request" ? reading.event.body : "not read";
    };
    expect(read("pull_request.opened.with-null-body.octokit.json")).toBeNull();
    expect(typeof read("pull_request.closed.merged.reallyfastci.json")).not.toBe("not read");
  });
});

describe("readPullRequestRecord", () => {
  const fixture = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as unknown;

  it("reads a merged pull request's times, merge commit and head", () => {
    expect(readPullRequestRecord(fixture("pull_request.closed.merged.reallyfastci.json"))).toEqual({
      repo: "ailisp/gcbapp-buildconfig-example",
      number: 3,
      title: expect.any(String),
      openedAt: new Date("2019-11-13T01:28:51Z"),
      mergedAt: new Date("2019-11-26T07:01:13Z"),
      mergeCommitSha: "a21683865c088b5fe1906cf6552d15a285a4986d",
      headSha: "7b5a809ab03679215c55926f7d111156ec98b865",
    });
  });

  it("reads an opened one without a merge", () => {
    expect(readPullRequestRecord(fixture("pull_request.opened.octokit.json"))).toMatchObject({
      repo: "Codertocat/Hello-World",
      number: 2,
      openedAt: new Date("2019-05-15T15:20:33Z"),
      mergedAt: null,
      mergeCommitSha: null,
      headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
    });
  });

  it("keeps no merge commit for a pull request closed without merging", () => {
    const closed = readPullRequestRecord(fixture("pull_request.closed.octokit.json"));
    expect(closed).not.toBeNull();
    expect(closed!.mergedAt).toBeNull();
    expect(closed!.mergeCommitSha).toBeNull();
  });

  it("ignores actions that change nothing it keeps, and malformed bodies", () => {
    expect(readPullRequestRecord(fixture("pull_request.labeled.octokit.json"))).toBeNull();
    expect(readPullRequestRecord(fixture("push.octokit.json"))).toBeNull();
    const opened = fixture("pull_request.opened.octokit.json") as { pull_request: Record<string, unknown> };
    expect(
      readPullRequestRecord({ ...opened, pull_request: { ...opened.pull_request, created_at: "soon" } }),
    ).toBeNull();
  });

  it("reads every recorded action among the fixtures", () => {
    for (const name of fixtures.filter((n) => /^pull_request\.(opened|reopened|closed|synchronize)/.test(n)))
      expect(readPullRequestRecord(fixture(name)), name).not.toBeNull();
  });
});
