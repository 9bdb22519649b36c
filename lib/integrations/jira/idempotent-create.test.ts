import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "@/emulators/jira";
import { ADA, startTestEmulator } from "@/emulators/jira/testing";
import { createMarker } from "@/lib/domain/idempotency/create-marker";
import { createIssueOnce, createIssuesBulkOnce, findIssuesByMarker } from "./idempotent-create";
import { type BulkIssue, createIssuesBulk } from "./issues";

/** Look up, then create only what is missing — against the Jira emulator over HTTP. */
describe("Jira creates that happen once", () => {
  let emulator: JiraEmulator;
  const config = () => ({ siteUrl: `${emulator.url}/acme`, ...ADA });
  const issuesLabelled = (label: string) =>
    emulator
      .store()
      .sites.get("acme")!
      .data.issues.filter((issue) => issue.labels.includes(label));
  const story = (summary: string, labels: string[] = []): BulkIssue => ({
    projectKey: "ACME",
    issueType: "Story",
    summary,
    description: { type: "doc", version: 1, content: [] },
    priority: "Medium",
    labels,
    components: [],
  });

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it("a single create carries its marker next to its own labels, and a retry returns the issue it finds", async () => {
    const marker = createMarker("org_a", "single-1");
    const created = await createIssueOnce(config(), story("Single once", ["sentry"]), {
      marker,
      outcomeUnknown: false,
    });
    expect(issuesLabelled(marker).map((i) => [i.key, i.labels])).toEqual([[created.key, ["sentry", marker]]]);

    const retried = await createIssueOnce(config(), story("Single once", ["sentry"]), { marker, outcomeUnknown: true });
    expect(retried).toEqual(created);
    expect(issuesLabelled(marker)).toHaveLength(1);
  });

  it("a retry that finds nothing creates the issue (the earlier try never reached Jira)", async () => {
    const marker = createMarker("org_a", "single-2");
    const created = await createIssueOnce(config(), story("Never reached"), { marker, outcomeUnknown: true });
    expect(issuesLabelled(marker).map((i) => i.key)).toEqual([created.key]);
  });

  it("a bulk retry creates only the elements not found, and each result keeps its original index", async () => {
    const issues = Array.from({ length: 6 }, (_, n) => story(`Bulk element ${n}`, ["bulk-once"]));
    const markers = issues.map((_, n) => createMarker("org_a", "bulk-1", n));
    // An earlier try got elements 1 and 4 into Jira (as if one of two requests went through).
    const earlier = await createIssuesBulk(
      config(),
      [1, 4].map((n) => ({ ...issues[n]!, labels: ["bulk-once", markers[n]!] })),
    );
    expect(earlier.created).toHaveLength(2);

    const result = await createIssuesBulkOnce(config(), issues, { markers, outcomeUnknown: true });
    expect(result.errors).toEqual([]);
    expect(result.created.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.created[1]!.key).toBe(earlier.created[0]!.key);
    expect(result.created[4]!.key).toBe(earlier.created[1]!.key);
    expect(issuesLabelled("bulk-once")).toHaveLength(6);
    for (const [n, marker] of markers.entries()) {
      const [only, ...more] = issuesLabelled(marker);
      expect(more).toEqual([]);
      expect(only!.summary).toBe(`Bulk element ${n}`);
      expect(only!.key).toBe(result.created[n]!.key);
    }
  });

  it("a bulk retry that finds every element sends no create at all", async () => {
    const issues = [story("All there 0"), story("All there 1")];
    const markers = issues.map((_, n) => createMarker("org_a", "bulk-2", n));
    const first = await createIssuesBulkOnce(config(), issues, { markers, outcomeUnknown: false });
    const count = emulator.store().sites.get("acme")!.data.issues.length;
    const again = await createIssuesBulkOnce(config(), issues, { markers, outcomeUnknown: true });
    expect(again).toEqual(first);
    expect(emulator.store().sites.get("acme")!.data.issues.length).toBe(count);
  });

  it("an issue found twice under one marker (made before markers were looked up) counts as the oldest", async () => {
    const marker = createMarker("org_a", "twice");
    const older = await createIssuesBulk(config(), [story("Twice", [marker])]);
    await createIssuesBulk(config(), [story("Twice", [marker])]);
    expect((await findIssuesByMarker(config(), [marker])).get(marker)).toEqual({
      id: older.created[0]!.id,
      key: older.created[0]!.key,
    });
  });

  it("refuses a bulk create whose markers do not match its issues one for one", async () => {
    await expect(
      createIssuesBulkOnce(config(), [story("No marker")], { markers: [], outcomeUnknown: false }),
    ).rejects.toThrow(RangeError);
  });
});
