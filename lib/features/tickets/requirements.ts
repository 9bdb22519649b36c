import "server-only";
import { createHash } from "node:crypto";
import { readCached, readThrough } from "@/lib/platform/cache/read-through";
import type { ActorType } from "@/lib/db/types";
import { findIntent } from "@/lib/db/queries/outbox";
import {
  type FeatureRequest,
  type Person,
  type SprintOption,
  type TicketPlan,
  planTickets,
} from "@/lib/domain/requirements";
import { getJiraConfig } from "@/lib/integrations/connections";
import { type BulkIssue, listIssueTypes, MOVE_BATCH } from "@/lib/integrations/jira";
import {
  type OperationName,
  type OperationResult,
  performWrite,
  readResult,
  type WriteOutcome,
} from "@/lib/platform/outbox";
import { loadBoardContext, componentExperience, capacities } from "@/lib/features/sprints";
import { readBoards, readSprintIssues } from "@/lib/integrations/jira/reads";

/**
 * Requirements → Jira: a preview of the epic, stories and subtasks with their
 * proposed assignees and sprint (stored under an id derived from the request,
 * so creating carries out exactly what was previewed), then creation one step
 * at a time for a progress bar: the epic, stories and subtasks in bulk
 * requests of at most 50, then the stories into the sprint. Every write goes
 * through the outbox keyed by the request, so submitting the same request
 * twice creates nothing new and an outage only delays it.
 */
export type TicketsPreview = {
  id: string;
  request: FeatureRequest;
  plan: TicketPlan;
  jiraBrowseUrl: string;
  pointsField: string | null;
  types: { epic: string; story: string; subtask: string };
  boardName: string | null;
};

const PREVIEW_TTL_MS = 60 * 60_000;
const BULK = 50;

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The same request always gets the same id (and so the same idempotency keys). */
export function featureRequestKey(request: FeatureRequest) {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex").slice(0, 24);
}

async function issueTypes(orgId: string, config: NonNullable<Awaited<ReturnType<typeof getJiraConfig>>>) {
  const types = (
    await readThrough({ orgId, key: "jira:issue-types", ttlMs: 60 * 60_000, load: () => listIssueTypes(config) })
  ).value;
  const named = (name: string) => types.find((t) => t.name.toLowerCase() === name)?.name;
  return {
    epic: named("epic") ?? types.find((t) => t.hierarchyLevel === 1)?.name ?? "Epic",
    story: named("story") ?? types.find((t) => t.hierarchyLevel === 0 && !t.subtask)?.name ?? "Story",
    subtask: types.find((t) => t.subtask)?.name ?? "Subtask",
  };
}

/** Who can take work in the planning window and how much room each sprint has, from the project's board. */
async function capacityContext({
  orgId,
  projectKey,
  config,
  requestId: rid,
  now,
}: {
  orgId: string;
  projectKey: string;
  config: NonNullable<Awaited<ReturnType<typeof getJiraConfig>>>;
  requestId?: string;
  now: Date;
}) {
  const boards = await readBoards({ orgId, config });
  const board = boards.value.find((b) => b.projectKey === projectKey);
  if (!board) return { people: [] as Person[], sprints: [] as SprintOption[], pointsField: null, boardName: null };
  const context = await loadBoardContext({ orgId, boardId: board.id, now, requestId: rid });
  if (context.status !== "ok")
    return { people: [] as Person[], sprints: [] as SprintOption[], pointsField: null, boardName: null };
  const { team, focusFactor, estimationField, snapshots } = context;
  const open = context.sprints.filter((s) => s.state !== "closed" && s.startDate && s.endDate);
  const loads = await Promise.all(
    open.map(async (sprint) => ({
      sprint,
      issues: (await readSprintIssues({ orgId, config, sprintId: sprint.id, pointsField: estimationField })).value,
    })),
  );
  const sprints: SprintOption[] = loads.map(({ sprint, issues }) => {
    const capacity = sum(
      capacities(team, { startDate: sprint.startDate as string, endDate: sprint.endDate as string }, focusFactor).map(
        (p) => p.capacityPoints,
      ),
    );
    const committed = sum(issues.filter((i) => i.statusCategory !== "done").map((i) => i.points ?? 0));
    return {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state as "active" | "future",
      startDate: sprint.startDate as string,
      endDate: sprint.endDate as string,
      remainingPoints: Math.max(0, Math.round((capacity - committed) * 10) / 10),
    };
  });
  // People's room is measured in the next sprint to be planned: the first future one, else the active one.
  const window =
    loads
      .filter((l) => l.sprint.state === "future")
      .sort((a, b) => (a.sprint.startDate as string).localeCompare(b.sprint.startDate as string))[0] ??
    loads.find((l) => l.sprint.state === "active");
  const experience = componentExperience(snapshots.close.values());
  const people: Person[] = window
    ? capacities(
        team,
        { startDate: window.sprint.startDate as string, endDate: window.sprint.endDate as string },
        focusFactor,
      ).map((p) => {
        const assigned = sum(
          window.issues
            .filter((i) => i.assigneeAccountId === p.accountId && i.statusCategory !== "done")
            .map((i) => i.points ?? 0),
        );
        return {
          accountId: p.accountId,
          name: p.name,
          completedByComponent: experience.get(p.accountId) ?? {},
          remainingPoints: Math.max(0, Math.round((p.capacityPoints - assigned) * 10) / 10),
        };
      })
    : [];
  return { people, sprints, pointsField: estimationField, boardName: board.name };
}

export async function previewTickets({
  orgId,
  request,
  requestId: rid,
  now = new Date(),
}: {
  orgId: string;
  request: FeatureRequest;
  requestId?: string;
  now?: Date;
}): Promise<TicketsPreview | { error: string }> {
  const config = await getJiraConfig({ orgId, requestId: rid });
  if (!config) return { error: "Connect Jira first." };
  const [types, capacity] = await Promise.all([
    issueTypes(orgId, config),
    capacityContext({ orgId, projectKey: request.jiraProjectKey, config, requestId: rid, now }),
  ]);
  const plan = planTickets(request, {
    people: capacity.people,
    sprints: capacity.sprints,
    jiraBrowseUrl: config.siteUrl,
  });
  if (!capacity.boardName)
    plan.warnings.push(
      `No scrum board covers ${request.jiraProjectKey}, so nobody is proposed and no sprint is suggested.`,
    );
  const preview: TicketsPreview = {
    id: featureRequestKey(request),
    request,
    plan,
    jiraBrowseUrl: `${config.siteUrl}/browse`,
    pointsField: capacity.pointsField,
    types,
    boardName: capacity.boardName,
  };
  await readThrough({
    orgId,
    key: `tickets-preview:${preview.id}`,
    ttlMs: PREVIEW_TTL_MS,
    force: true,
    load: async () => preview,
  });
  return preview;
}

export async function findTicketsPreview({ orgId, id }: { orgId: string; id: string }): Promise<TicketsPreview | null> {
  return readCached<TicketsPreview>({ orgId, key: `tickets-preview:${id}` });
}

export type CreationStep =
  | { kind: "epic" }
  | { kind: "stories"; batch: number }
  | { kind: "subtasks"; batch: number }
  | { kind: "sprint"; batch: number };
export type CreatedIssue = { ref: string; key: string; url: string };
export type CreationResult = { status: "done" | "pending" | "failed"; message: string; created: CreatedIssue[] };

const allSubtasks = (plan: TicketPlan) =>
  plan.stories.flatMap((story) => story.subtasks.map((subtask) => ({ story, subtask })));

export function creationSteps(preview: TicketsPreview): CreationStep[] {
  return [
    { kind: "epic" },
    ...chunks(preview.plan.stories, BULK).map((_, batch) => ({ kind: "stories" as const, batch })),
    ...chunks(allSubtasks(preview.plan), BULK).map((_, batch) => ({ kind: "subtasks" as const, batch })),
    ...(preview.plan.sprint
      ? chunks(preview.plan.stories, MOVE_BATCH).map((_, batch) => ({ kind: "sprint" as const, batch }))
      : []),
  ];
}

/** The idempotency key of a step's write, so a failed step can be found and retried. */
export const writeKey = (preview: TicketsPreview, step: CreationStep) =>
  `tickets:${preview.id}:${step.kind}${"batch" in step ? `:${step.batch}` : ""}`;

/** Keys created so far, by plan ref (epic, story-1, story-1.1 …), read back from the outbox. */
export async function createdSoFar({
  orgId,
  preview,
}: {
  orgId: string;
  preview: TicketsPreview;
}): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const steps = creationSteps(preview).filter((s) => s.kind !== "sprint");
  const intents = await Promise.all(
    steps.map((step) => findIntent({ orgId, idempotencyKey: writeKey(preview, step) })),
  );
  steps.forEach((step, i) => {
    const intent = intents[i];
    if (intent?.status !== "succeeded") return;
    const refs = refsOf(preview, step);
    for (const item of readResult("jira.issues.create_bulk", intent.result).created) {
      const ref = refs[item.index];
      if (ref) keys.set(ref, item.key);
    }
  });
  return keys;
}

function refsOf(preview: TicketsPreview, step: CreationStep): string[] {
  if (step.kind === "epic") return ["epic"];
  if (step.kind === "stories") return chunks(preview.plan.stories, BULK)[step.batch]?.map((s) => s.ref) ?? [];
  if (step.kind === "subtasks")
    return chunks(allSubtasks(preview.plan), BULK)[step.batch]?.map((s) => s.subtask.ref) ?? [];
  return [];
}

function issuesFor(preview: TicketsPreview, step: CreationStep, keys: Map<string, string>): BulkIssue[] | string {
  const { request, plan, types, pointsField } = preview;
  const base = { projectKey: request.jiraProjectKey, labels: request.labels };
  if (step.kind === "epic")
    return [
      {
        ...base,
        issueType: types.epic,
        summary: plan.epic.summary,
        description: plan.epic.description,
        priority: plan.epic.priority,
        components: plan.epic.components,
      },
    ];
  if (step.kind === "stories") {
    const epicKey = keys.get("epic");
    if (!epicKey) return "waiting for the epic";
    return (chunks(plan.stories, BULK)[step.batch] ?? []).map((story) => ({
      ...base,
      issueType: types.story,
      summary: story.summary,
      description: story.description,
      priority: story.priority,
      components: story.component ? [story.component] : [],
      parentKey: epicKey,
      assigneeAccountId: story.assignee?.accountId ?? null,
      points: pointsField && story.estimate !== null ? { field: pointsField, value: story.estimate } : null,
    }));
  }
  const batch = chunks(allSubtasks(plan), BULK)[step.batch] ?? [];
  const missing = batch.find(({ story }) => !keys.has(story.ref));
  if (missing) return `waiting for the story "${missing.story.summary}"`;
  return batch.map(({ story, subtask }) => ({
    ...base,
    issueType: types.subtask,
    summary: subtask.summary,
    description: {
      type: "doc",
      version: 1,
      content: [
        { type: "paragraph", content: [{ type: "text", text: `Part of ${keys.get(story.ref)}: ${story.summary}` }] },
      ],
    },
    priority: story.priority,
    components: story.component ? [story.component] : [],
    parentKey: keys.get(story.ref) as string,
    assigneeAccountId: subtask.assignee?.accountId ?? null,
  }));
}

function outcomeOf<N extends OperationName>(
  outcome: WriteOutcome<N>,
  done: (result: OperationResult<N>) => CreationResult,
): CreationResult {
  if (outcome.status === "pending")
    return {
      status: "pending",
      message: "Jira is not answering; the request is saved and will be applied automatically. Resume to continue.",
      created: [],
    };
  if (outcome.status === "failed") return { status: "failed", message: outcome.error, created: [] };
  return done(outcome.result);
}

export async function runCreationStep({
  orgId,
  preview,
  step,
  actor,
  requestId: rid,
}: {
  orgId: string;
  preview: TicketsPreview;
  step: CreationStep;
  actor: { type: ActorType; id?: string | null; label: string };
  requestId: string;
}): Promise<CreationResult> {
  const keys = await createdSoFar({ orgId, preview });
  const browse = (key: string) => `${preview.jiraBrowseUrl}/${key}`;
  if (step.kind === "sprint") {
    const sprint = preview.plan.sprint;
    const storyKeys = (chunks(preview.plan.stories, MOVE_BATCH)[step.batch] ?? [])
      .map((s) => keys.get(s.ref))
      .filter((k): k is string => Boolean(k));
    if (!sprint || storyKeys.length === 0)
      return { status: "failed", message: "The stories are not created yet.", created: [] };
    const outcome = await performWrite({
      orgId,
      operation: "jira.sprint.move_issues",
      args: { sprintId: sprint.id, issueKeys: storyKeys },
      orderingKey: `tickets:${preview.id}`,
      idempotencyKey: writeKey(preview, step),
      actor,
      summary: `Moved ${storyKeys.length} stories of "${preview.request.name}" into ${sprint.name}`,
      target: { type: "jira_sprint", id: String(sprint.id) },
      requestId: rid,
    });
    return outcomeOf(outcome, () => ({
      status: "done",
      message: `${storyKeys.length} stories are in ${sprint.name}.`,
      created: [],
    }));
  }
  const issues = issuesFor(preview, step, keys);
  if (typeof issues === "string") return { status: "failed", message: `Cannot create yet: ${issues}.`, created: [] };
  const refs = refsOf(preview, step);
  const label =
    step.kind === "epic"
      ? `the epic "${preview.plan.epic.summary}"`
      : `${issues.length} ${step.kind === "stories" ? "stories" : "subtasks"} of "${preview.request.name}"`;
  const outcome = await performWrite({
    orgId,
    operation: "jira.issues.create_bulk",
    args: { issues },
    orderingKey: `tickets:${preview.id}`,
    idempotencyKey: writeKey(preview, step),
    actor,
    summary: `Created ${label} in ${preview.request.jiraProjectKey}`,
    target: { type: "jira_project", id: preview.request.jiraProjectKey },
    requestId: rid,
  });
  return outcomeOf(outcome, (result) => {
    const created = result.created.map((c) => ({
      ref: refs[c.index] ?? String(c.index),
      key: c.key,
      url: browse(c.key),
    }));
    if (result.errors.length > 0)
      return {
        status: "failed",
        message: result.errors.map((e) => `${refs[e.index] ?? e.index}: ${e.message}`).join("; "),
        created,
      };
    return { status: "done", message: `Created ${label}.`, created };
  });
}
