import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readGithubWebhook } from "./webhook-transform";

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
