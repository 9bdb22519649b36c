import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { featureRequestSchema, type FeatureRequest, type FeatureRequestInput } from "@/lib/domain/requirements";
import { useSeededDatabase } from "@/test/fixtures/database";
import { type JiraEmulator, startJiraEmulator } from "@/emulators/jira";
import type * as RequirementsModule from "./requirements";
import { db } from "@/lib/db/client";
import * as tickets from "./requirements";
import * as outbox from "@/lib/platform/outbox";

type JiraIssue = {
  key: string;
  fields: {
    summary: string;
    issuetype: { name: string; subtask: boolean };
    parent?: { key: string };
    assignee: { accountId: string } | null;
    components: { name: string }[];
    labels: string[];
    customfield_10016: number | null;
    customfield_10020: { id: number; name: string }[] | null;
  };
};

const FIELDS = [
  "summary",
  "issuetype",
  "parent",
  "assignee",
  "components",
  "labels",
  "customfield_10016",
  "customfield_10020",
];

/** Requirements → Jira tickets against the Jira emulator and a real database, as the requirements page does. */
describe("feature requirements to Jira tickets, end to end", () => {
  let jira: JiraEmulator;
  let orgId: string;
  const actor = { type: "user" as const, id: null, label: "grace@acme.test" };
  const auth = {
    authorization: `Basic ${Buffer.from("grace@acme.test:jira-demo-token").toString("base64")}`,
    "content-type": "application/json",
  };

  /** Every issue matching the JQL, with the fields the assertions need. */
  const search = async (jql: string): Promise<JiraIssue[]> => {
    const issues: JiraIssue[] = [];
    let nextPageToken: string | undefined;
    do {
      const response = await fetch(`${jira.url}/acme/rest/api/3/search/jql`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ jql, fields: FIELDS, maxResults: 100, nextPageToken }),
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { issues: JiraIssue[]; nextPageToken?: string; isLast?: boolean };
      issues.push(...page.issues);
      nextPageToken = page.isLast ? undefined : page.nextPageToken;
    } while (nextPageToken);
    return issues;
  };
  const setFaults = async (faults: Record<string, unknown> | null) => {
    const response = await fetch(
      `${jira.url}/__emulator/faults`,
      faults
        ? { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) }
        : { method: "DELETE" },
    );
    expect(response.ok).toBe(true);
  };
  const parse = (input: FeatureRequestInput): FeatureRequest => featureRequestSchema.parse(input);
  const preview = async (request: FeatureRequest, requestId = "req-preview") => {
    const result = await tickets.previewTickets({ orgId, request, requestId });
    if ("error" in result) throw new Error(result.error);
    return result;
  };
  const runAll = async (previewed: RequirementsModule.TicketsPreview, requestId: string) => {
    const results = [];
    for (const step of tickets.creationSteps(previewed))
      results.push(await tickets.runCreationStep({ orgId, preview: previewed, step, actor, requestId }));
    return results;
  };

  const berths = parse({
    name: "Berth booking",
    businessValue: "Captains book a berth before arrival instead of calling the harbour master.",
    priority: "High",
    labels: ["berths"],
    // The feature's main component must be one of ACME's: Jira rejects a component the project does not have.
    components: ["Platform"],
    jiraProjectKey: "ACME",
    targetSprint: true,
    stories: [
      {
        title: "Book a berth online",
        acceptanceCriteria: "- A captain picks a free berth and a time slot\n- The booking is confirmed by e-mail",
        estimate: 3,
        component: "Platform",
        checklist: ["Booking form", "Confirmation e-mail", "Slot availability query"],
      },
      {
        title: "Charge berth fees",
        acceptanceCriteria: "- The fee is on the next invoice",
        estimate: 2,
        component: "Billing",
        checklist: ["Fee table", "Invoice line"],
      },
      {
        title: "Provision the booking queue",
        acceptanceCriteria: "- Bookings survive a restart",
        estimate: 1,
        component: "Infrastructure",
        checklist: ["Queue", "Dead-letter alerting"],
      },
    ],
  });

  beforeAll(async () => {
    jira = await startJiraEmulator({ port: 0 });
  });
  useSeededDatabase({ label: "tickets", seed: () => ({ urls: { jira: jira.url, sentry: "http://127.0.0.1:1" } }) });
  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  afterEach(async () => {
    await setFaults(null);
  });
  afterAll(async () => {
    await jira.close();
  });

  it("previews an epic, stories with proposed assignees and subtasks, and creates exactly that in Jira", async () => {
    const previewed = await preview(berths);
    const { plan } = previewed;
    expect(previewed.id).toBe(tickets.featureRequestKey(berths));
    expect(previewed.boardName).toBe("ACME board");
    expect(previewed.pointsField).toBe("customfield_10016");
    expect(plan.epic.summary).toBe("Berth booking");
    expect(plan.stories.map((s) => [s.summary, s.component, s.estimate, s.subtasks.length])).toEqual([
      ["Book a berth online", "Platform", 3, 3],
      ["Charge berth fees", "Billing", 2, 2],
      ["Provision the booking queue", "Infrastructure", 1, 2],
    ]);
    expect(plan.totals).toEqual({ issues: 1 + 3 + 7, storyPoints: 6, subtasks: 7 });
    for (const story of plan.stories) {
      if (story.assignee) {
        expect(story.assignee.reason).toContain(story.component);
        expect(story.unassignedReason).toBeNull();
      } else expect(story.unassignedReason).toEqual(expect.any(String));
      for (const subtask of story.subtasks)
        expect(subtask.assignee?.accountId ?? null).toBe(story.assignee?.accountId ?? null);
    }
    // The seeded history has people with completed work in every ACME component.
    expect(plan.stories.filter((s) => s.assignee).length).toBeGreaterThan(0);
    expect(await tickets.findTicketsPreview({ orgId, id: previewed.id })).toEqual(previewed);

    const steps = tickets.creationSteps(previewed);
    expect(steps.slice(0, 3)).toEqual([
      { kind: "epic" },
      { kind: "stories", batch: 0 },
      { kind: "subtasks", batch: 0 },
    ]);
    expect(steps.slice(3)).toEqual(plan.sprint ? [{ kind: "sprint", batch: 0 }] : []);

    const before = await search("project = ACME");
    const results = await runAll(previewed, "req-create");
    for (const result of results) expect(result).toMatchObject({ status: "done" });
    expect(results[0]!.created).toEqual([
      {
        ref: "epic",
        key: expect.stringMatching(/^ACME-\d+$/),
        url: `${jira.url}/acme/browse/${results[0]!.created[0]!.key}`,
      },
    ]);
    expect(results[1]!.created.map((c) => c.ref)).toEqual(["story-1", "story-2", "story-3"]);
    expect(results[2]!.created.map((c) => c.ref)).toEqual(plan.stories.flatMap((s) => s.subtasks.map((t) => t.ref)));

    const created = await search("labels = berths");
    expect(created).toHaveLength(plan.totals.issues);
    expect((await search("project = ACME")).length).toBe(before.length + plan.totals.issues);

    const epics = created.filter((i) => i.fields.issuetype.name === "Epic");
    expect(epics).toHaveLength(1);
    const epic = epics[0]!;
    expect(epic.key).toBe(results[0]!.created[0]!.key);
    expect(epic.fields.summary).toBe("Berth booking");
    expect(epic.fields.components.map((c) => c.name)).toEqual(["Platform"]);

    const keys = await tickets.createdSoFar({ orgId, preview: previewed });
    const stories = created.filter((i) => i.fields.issuetype.name === "Story");
    expect(stories).toHaveLength(3);
    for (const planned of plan.stories) {
      const story = stories.find((s) => s.key === keys.get(planned.ref));
      expect(story, planned.ref).toBeDefined();
      expect(story!.fields.summary).toBe(planned.summary);
      expect(story!.fields.parent?.key).toBe(epic.key);
      expect(story!.fields.assignee?.accountId ?? null).toBe(planned.assignee?.accountId ?? null);
      expect(story!.fields.components.map((c) => c.name)).toEqual([planned.component]);
      // The request's label, then the marker that lets a retried create find this story.
      expect(story!.fields.labels).toEqual(["berths", expect.stringMatching(/^bosun-w-[0-9a-f]{20}$/)]);
      expect(story!.fields.customfield_10016).toBe(planned.estimate);
      if (plan.sprint) expect(story!.fields.customfield_10020?.map((s) => s.id)).toContain(plan.sprint.id);

      const subtasks = created.filter((i) => i.fields.issuetype.subtask && i.fields.parent?.key === story!.key);
      expect(subtasks.map((s) => s.fields.summary).sort()).toEqual(planned.subtasks.map((s) => s.summary).sort());
      for (const subtask of planned.subtasks)
        expect(subtasks.find((s) => s.key === keys.get(subtask.ref))?.fields.summary).toBe(subtask.summary);
    }
    expect(created.filter((i) => i.fields.issuetype.subtask)).toHaveLength(7);
    if (plan.sprint) expect(results.at(-1)!.message).toContain(plan.sprint.name);

    // One outbox intent and one audit entry per request to Jira.
    const intents = await db.outboxIntent.findMany({
      where: { orgId, idempotencyKey: { startsWith: `tickets:${previewed.id}:` } },
    });
    expect(intents.map((i) => i.idempotencyKey).sort()).toEqual(
      steps.map((s) => `tickets:${previewed.id}:${s.kind}${"batch" in s ? `:${s.batch}` : ""}`).sort(),
    );
    expect(intents.every((i) => i.status === "succeeded")).toBe(true);
    const audits = await db.auditLog.findMany({ where: { orgId, requestId: "req-create" } });
    expect(audits.map((a) => a.action).sort()).toEqual(intents.map((i) => i.operation).sort());
    expect(audits.filter((a) => a.action === "jira.issues.create_bulk")).toHaveLength(3);
    expect(audits.every((a) => a.result === "success")).toBe(true);
    expect(audits.find((a) => a.summary.includes("epic"))).toMatchObject({
      targetType: "jira_project",
      targetId: "ACME",
      actorLabel: "grace@acme.test",
    });
  });

  it("creates nothing new when the steps run again or the same request is previewed and created again", async () => {
    const first = await tickets.findTicketsPreview({ orgId, id: tickets.featureRequestKey(berths) });
    expect(first).not.toBeNull();
    const issuesBefore = (await search("project = ACME")).length;
    const intentsBefore = await db.outboxIntent.count({ where: { orgId } });
    const keysBefore = await tickets.createdSoFar({ orgId, preview: first! });
    expect(keysBefore.size).toBe(1 + 3 + 7);

    const again = await runAll(first!, "req-again");
    for (const result of again) expect(result).toMatchObject({ status: "done" });
    expect(again[1]!.created.map((c) => c.key)).toEqual(
      ["story-1", "story-2", "story-3"].map((ref) => keysBefore.get(ref)),
    );

    const second = await preview(parse(structuredClone(berths) as FeatureRequestInput), "req-preview-again");
    expect(second.id).toBe(first!.id);
    for (const result of await runAll(second, "req-again-2")) expect(result).toMatchObject({ status: "done" });

    expect((await search("project = ACME")).length).toBe(issuesBefore);
    expect(await search("labels = berths")).toHaveLength(1 + 3 + 7);
    expect(await db.outboxIntent.count({ where: { orgId } })).toBe(intentsBefore);
    expect(await db.auditLog.count({ where: { orgId, requestId: { in: ["req-again", "req-again-2"] } } })).toBe(0);
    expect(await tickets.createdSoFar({ orgId, preview: second })).toEqual(keysBefore);
  });

  it("keeps the stories through a Jira outage and creates them once when Jira is back", async () => {
    const request = parse({ ...berths, name: "Berth outage drill", labels: ["berths-outage"], targetSprint: false });
    const previewed = await preview(request);
    const [epicStep, storiesStep] = tickets.creationSteps(previewed);
    expect(
      await tickets.runCreationStep({ orgId, preview: previewed, step: epicStep!, actor, requestId: "req-outage" }),
    ).toMatchObject({ status: "done" });

    await setFaults({ errorRate: 1, errorStatus: 503, pathPrefix: "/acme/rest/api/3/issue/bulk" });
    const during = await tickets.runCreationStep({
      orgId,
      preview: previewed,
      step: storiesStep!,
      actor,
      requestId: "req-outage",
    });
    expect(during).toMatchObject({ status: "pending", created: [] });
    const intent = await db.outboxIntent.findUniqueOrThrow({
      where: { orgId_idempotencyKey: { orgId, idempotencyKey: `tickets:${previewed.id}:stories:0` } },
    });
    expect(intent).toMatchObject({ status: "pending", operation: "jira.issues.create_bulk", attempts: 1 });
    expect(intent.lastError).toContain("503");
    expect((intent.payload as { args: { issues: unknown[] } }).args.issues).toHaveLength(3);
    expect(await search("labels = berths-outage AND issuetype = Story")).toHaveLength(0);
    // Still down: asking again neither loses the request nor makes a second one.
    expect(
      await tickets.runCreationStep({ orgId, preview: previewed, step: storiesStep!, actor, requestId: "req-outage" }),
    ).toMatchObject({ status: "pending" });
    expect(
      await db.outboxIntent.count({ where: { orgId, idempotencyKey: { startsWith: `tickets:${previewed.id}:` } } }),
    ).toBe(2);

    await setFaults(null);
    await db.$executeRaw`UPDATE "OutboxIntent" SET "nextAttemptAt" = now() WHERE status = 'pending'`;
    const drained = await outbox.drainOutbox();
    expect(drained).toEqual([expect.objectContaining({ status: "succeeded", intentId: intent.id })]);

    const after = await tickets.runCreationStep({
      orgId,
      preview: previewed,
      step: storiesStep!,
      actor,
      requestId: "req-outage",
    });
    expect(after.status).toBe("done");
    expect(after.created.map((c) => c.ref)).toEqual(["story-1", "story-2", "story-3"]);
    const stories = await search("labels = berths-outage AND issuetype = Story");
    expect(stories.map((s) => s.key).sort()).toEqual(after.created.map((c) => c.key).sort());
    const epicKey = (await tickets.createdSoFar({ orgId, preview: previewed })).get("epic");
    for (const story of stories) expect(story.fields.parent?.key).toBe(epicKey);
    expect(
      await db.auditLog.count({
        where: { orgId, action: "jira.issues.create_bulk", summary: { contains: "Berth outage drill" } },
      }),
    ).toBe(2);
  });

  it("refuses to create subtasks or stories before their parents exist, and writes nothing", async () => {
    const request = parse({ ...berths, name: "Berth ordering", labels: ["berths-ordering"], targetSprint: false });
    const previewed = await preview(request);
    const steps = tickets.creationSteps(previewed);
    const intentsBefore = await db.outboxIntent.count({ where: { orgId } });
    const issuesBefore = (await search("project = ACME")).length;

    const subtasks = await tickets.runCreationStep({
      orgId,
      preview: previewed,
      step: steps.find((s) => s.kind === "subtasks")!,
      actor,
      requestId: "req-order",
    });
    expect(subtasks).toEqual({
      status: "failed",
      message: 'Cannot create yet: waiting for the story "Book a berth online".',
      created: [],
    });
    const stories = await tickets.runCreationStep({
      orgId,
      preview: previewed,
      step: steps.find((s) => s.kind === "stories")!,
      actor,
      requestId: "req-order",
    });
    expect(stories).toEqual({ status: "failed", message: "Cannot create yet: waiting for the epic.", created: [] });

    expect(await db.outboxIntent.count({ where: { orgId } })).toBe(intentsBefore);
    expect((await search("project = ACME")).length).toBe(issuesBefore);
    expect(await db.auditLog.count({ where: { orgId, requestId: "req-order" } })).toBe(0);
  });

  it("rejects an invalid request with the field paths of what is wrong", () => {
    const result = featureRequestSchema.safeParse({
      name: "Berths",
      jiraProjectKey: "ACME",
      labels: ["berth booking"],
      stories: [{ title: "  ", estimate: 1.3 }],
    });
    expect(result.success).toBe(false);
    const paths = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(paths).toMatchObject({
      "labels.0": expect.stringContaining("can't contain spaces"),
      "stories.0.title": "Story title can't be empty",
      "stories.0.estimate": expect.stringContaining("whole or half point"),
    });
  });

  it("warns that nobody is proposed for a project without a board, and reports Jira's refusal when creating", async () => {
    const request = parse({ ...berths, name: "Berths elsewhere", labels: ["berths-nowhere"], jiraProjectKey: "NOPE" });
    const previewed = await preview(request);
    expect(previewed.boardName).toBeNull();
    expect(previewed.pointsField).toBeNull();
    expect(previewed.plan.warnings).toContain(
      "No scrum board covers NOPE, so nobody is proposed and no sprint is suggested.",
    );
    expect(previewed.plan.sprint).toBeNull();
    for (const story of previewed.plan.stories) {
      expect(story.assignee).toBeNull();
      expect(story.unassignedReason).toContain(story.component);
    }
    expect(tickets.creationSteps(previewed).map((s) => s.kind)).toEqual(["epic", "stories", "subtasks"]);

    const issuesBefore = (await search("project = ACME")).length;
    const epic = await tickets.runCreationStep({
      orgId,
      preview: previewed,
      step: { kind: "epic" },
      actor,
      requestId: "req-nope",
    });
    expect(epic.status).toBe("failed");
    expect(epic.message).toContain("Specify a valid project ID or key");
    expect(epic.created).toEqual([]);
    expect((await search("project = ACME")).length).toBe(issuesBefore);
    expect(await db.auditLog.findMany({ where: { orgId, requestId: "req-nope" } })).toEqual([
      expect.objectContaining({ action: "jira.issues.create_bulk", result: "failure" }),
    ]);
    // Nothing was created, so the stories still wait for the epic.
    expect(
      await tickets.runCreationStep({
        orgId,
        preview: previewed,
        step: { kind: "stories", batch: 0 },
        actor,
        requestId: "req-nope",
      }),
    ).toMatchObject({ status: "failed", message: "Cannot create yet: waiting for the epic." });
  });
});
