import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSentryWebhook } from "./webhook-transform";

const FIXTURES = path.resolve(__dirname, "../../../../shared/webhook-fixtures/sentry");
const fixture = (name: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as Record<string, unknown>;

describe("Sentry webhooks", () => {
  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith(".json")))("%s is read or ignored", (name) => {
    expect(readSentryWebhook(name.split(".")[0] ?? null, fixture(name)).kind).not.toBe("invalid");
  });

  it("reads a new comment for the sync", () => {
    expect(readSentryWebhook("comment", fixture("comment.created.sentry-docs.json"))).toEqual({
      kind: "event",
      event: expect.objectContaining({
        type: "sentry.issue_change",
        action: "comment",
        issueId: "100",
        comment: { id: "1234", text: "adding a comment" },
        actorName: "colleen",
        at: "2022-03-02T21:51:44.118160Z",
      }),
    });
  });

  it.each([
    ["resolved", "resolved", { inNextRelease: true }],
    ["archived", "archived", { ignoreUntil: "2026-12-10T00:00:00Z" }],
    ["ignored", "archived", {}],
    ["assigned", "assigned", {}],
  ])("reads issue.%s as a %s change", (action, expected, statusDetails) => {
    const created = fixture("issue.created.sentry-docs.json");
    const data = created.data as { issue: Record<string, unknown> };
    const body = {
      ...created,
      action,
      data: {
        issue: {
          ...data.issue,
          statusDetails,
          assignedTo: { type: "user", id: "1", name: "Ada", email: "ada@acme.test" },
        },
      },
    };
    const reading = readSentryWebhook("issue", body);
    expect(reading).toMatchObject({ kind: "event", event: { type: "sentry.issue_change", action: expected } });
    if (reading.kind !== "event" || reading.event.type !== "sentry.issue_change") return;
    expect(reading.event.assignee).toEqual({ name: "Ada", email: "ada@acme.test" });
    expect(reading.event.inNextRelease).toBe(action === "resolved");
    expect(reading.event.ignoreUntil).toBe(action === "archived" ? "2026-12-10T00:00:00Z" : null);
  });
});
