import type { JiraIssue, JiraIssueLink } from "../jira/model";
import { ISSUE_TYPE_IDS, STATUS_IDS } from "../jira/reference";
import type { Draft, IssueContext, SprintAddition } from "./jira-draft";
import { makeLinks } from "./jira-links";
import { between, pickAssignee, pickLabels, pickPriority } from "./jira-pickers";
import {
  adfText,
  bugSummary,
  commentText,
  descriptionFor,
  epicSummary,
  storySummary,
  subtaskSummary,
  taskSummary,
} from "./jira-text";

/**
 * Generates one project's issues by replaying its sprint history: each closed
 * sprint commits new work plus the previous sprint's carryover, takes in a
 * little more after it started (recorded as Sprint changes in the changelog),
 * finishes most of it, and hands the rest on (every sprint of more than one
 * issue leaves something unfinished); the active sprint holds a mix of
 * statuses; the remainder forms a ranked backlog.
 */
const DAY = 86_400_000;
const POINTS = [1, 2, 2, 3, 3, 3, 5, 5, 8, 13];
const PRIORITY_RANK: Record<string, number> = { "1": 0, "2": 1, "3": 2, "4": 3, "5": 4 };

/** The release a change resolved at `resolved` shipped in, matched to the project's version of that name. */
function fixVersionFor(ctx: IssueContext, resolved: number): string[] {
  const release = ctx.releases.find((r) => r.releasedAt.getTime() >= resolved) ?? ctx.releases[ctx.releases.length - 1];
  if (!release || release.releasedAt.getTime() - resolved > 7 * DAY) return [];
  const version = ctx.versions.find((v) => v.name === release.version);
  return version ? [version.id] : [];
}

function newDraft(ctx: IssueContext, order: number): Draft {
  const { random, project } = ctx;
  const roll = random.next();
  const issueTypeId = roll < 0.6 ? ISSUE_TYPE_IDS.story : roll < 0.82 ? ISSUE_TYPE_IDS.bug : ISSUE_TYPE_IDS.task;
  const isBug = issueTypeId === ISSUE_TYPE_IDS.bug;
  const component = random.chance(0.9) ? random.pick(project.components) : null;
  const componentName = component?.name ?? project.name;
  const summary = isBug
    ? bugSummary(random, componentName)
    : issueTypeId === ISSUE_TYPE_IDS.task
      ? taskSummary(random, componentName)
      : storySummary(random, componentName);
  return {
    order,
    projectId: project.id,
    issueTypeId,
    summary,
    description: descriptionFor(summary, componentName),
    statusId: STATUS_IDS.todo,
    priorityId: pickPriority(random, isBug),
    assigneeId: pickAssignee(random, ctx.people, component?.name ?? null),
    reporterId: random.pick(ctx.people).accountId,
    labels: pickLabels(random, isBug),
    componentIds: component ? [component.id] : [],
    fixVersionIds: [],
    storyPoints: isBug && random.chance(0.3) ? null : random.pick(POINTS),
    sprintIds: [],
    parentId: null,
    created: 0,
    updated: 0,
    resolutionDate: null,
    statusCategoryChangeDate: 0,
    comments: [],
    remoteLinks: [],
  };
}

function resolve(ctx: IssueContext, draft: Draft, at: number) {
  draft.statusId = STATUS_IDS.done;
  draft.resolutionDate = at;
  draft.statusCategoryChangeDate = at;
  draft.updated = at + between(ctx.random, 0, 2 * 3_600_000);
  draft.fixVersionIds = fixVersionFor(ctx, at);
}

/** Replays the sprints; returns drafts grouped by where they end up. */
function playSprints(ctx: IssueContext, workItems: Draft[]) {
  const { random, sprints } = ctx;
  const queue = [...workItems];
  const closedShare = 0.6 / Math.max(1, sprints.closed.length);
  const perSprint = Math.max(3, Math.round(workItems.length * closedShare));
  let carry: Draft[] = [];
  for (const sprint of sprints.closed) {
    const start = sprint.startDate as number;
    const end = sprint.endDate as number;
    const fresh = queue.splice(0, Math.round(perSprint * (0.8 + random.next() * 0.4)));
    for (const item of fresh) item.created = start - between(random, 2 * DAY, 25 * DAY);
    // Scope added after the start: one or two of the new items, when there are a few.
    const addedLater = fresh.length >= 3 ? fresh.slice(-random.int(1, 2)) : [];
    const committed = [...carry, ...fresh];
    const completion = 0.72 + random.next() * 0.2;
    const finished = committed.map(() => random.chance(completion));
    if (committed.length > 1 && finished.every(Boolean)) finished[finished.length - 1] = false;
    carry = [];
    committed.forEach((item, i) => {
      // When the issue joined the sprint: at its start, or later for added scope (nothing happens to it before).
      let joined = start;
      if (addedLater.includes(item)) {
        joined = between(random, start + DAY, start + (end - start) / 2);
        const before = [...item.sprintIds];
        item.sprintAdditions = [...(item.sprintAdditions ?? []), { sprintId: sprint.id, at: joined, before }];
      }
      item.sprintIds.push(sprint.id);
      if (finished[i]) resolve(ctx, item, between(random, Math.max(start + DAY, joined + 3_600_000), end - DAY / 2));
      else {
        item.statusId = random.chance(0.6) ? STATUS_IDS.inProgress : STATUS_IDS.todo;
        item.statusCategoryChangeDate = between(random, joined, end);
        item.updated = item.statusCategoryChangeDate;
        carry.push(item);
      }
    });
  }

  const activeStart = sprints.active.startDate as number;
  const freshActive = queue.splice(0, Math.max(4, Math.round(workItems.length * 0.1)));
  for (const item of freshActive) item.created = activeStart - between(random, 2 * DAY, 20 * DAY);
  const active = [...carry, ...freshActive];
  for (const item of active) {
    item.sprintIds.push(sprints.active.id);
    const roll = random.next();
    if (roll < 0.25) resolve(ctx, item, between(random, activeStart + 3_600_000, ctx.now - 3_600_000));
    else if (roll < 0.55) setOpen(ctx, item, STATUS_IDS.inProgress, activeStart);
    else if (roll < 0.7) setOpen(ctx, item, STATUS_IDS.inReview, activeStart);
    else setOpen(ctx, item, STATUS_IDS.todo, activeStart);
  }

  const future = queue.splice(0, Math.max(3, Math.round(workItems.length * 0.05)));
  for (const item of future) {
    item.sprintIds.push(sprints.future.id);
    item.created = ctx.now - between(random, DAY, 30 * DAY);
    setOpen(ctx, item, STATUS_IDS.todo, item.created);
    if (random.chance(0.2)) item.assigneeId = null;
  }

  const backlog = queue;
  for (const item of backlog) {
    item.created = ctx.now - between(random, DAY, 120 * DAY);
    setOpen(ctx, item, STATUS_IDS.todo, item.created);
    if (random.chance(0.4)) item.assigneeId = null;
    if (random.chance(0.3)) item.storyPoints = null;
  }
  return { active, future, backlog };
}

function setOpen(ctx: IssueContext, item: Draft, statusId: string, since: number) {
  item.statusId = statusId;
  item.resolutionDate = null;
  item.fixVersionIds = [];
  const changed =
    statusId === STATUS_IDS.todo ? Math.max(item.created, since) : between(ctx.random, since, ctx.now - 3_600_000);
  item.statusCategoryChangeDate = Math.max(item.created, changed);
  item.updated = Math.max(
    item.statusCategoryChangeDate,
    Math.min(ctx.now, item.created + between(ctx.random, 0, 5 * DAY)),
  );
}

function makeEpics(ctx: IssueContext, workItems: Draft[], count: number): Draft[] {
  const { random, project } = ctx;
  const epics = Array.from({ length: count }, (_, i) => {
    const component = project.components[i % project.components.length];
    const name = component?.name ?? project.name;
    const epic = newDraft(ctx, -1);
    epic.issueTypeId = ISSUE_TYPE_IDS.epic;
    epic.summary = epicSummary(random, name);
    epic.description = descriptionFor(epic.summary, name);
    epic.storyPoints = null;
    epic.componentIds = component ? [component.id] : [];
    epic.labels = [];
    return epic;
  });
  const children = new Map<Draft, Draft[]>(epics.map((e) => [e, []]));
  workItems.forEach((item, i) => {
    if (!random.chance(0.7)) return;
    const slot = Math.min(count - 1, Math.floor((i / workItems.length) * count + (random.next() - 0.5)));
    const epic = epics[Math.max(0, slot)] as Draft;
    (children.get(epic) as Draft[]).push(item);
  });
  return epics.map((epic) => {
    const kids = children.get(epic) as Draft[];
    const firstCreated = kids.reduce((min, k) => Math.min(min, k.created), ctx.now - 30 * DAY);
    epic.created = firstCreated - between(random, DAY, 10 * DAY);
    kids.forEach((k) => {
      k.parentIdDraft = epic;
    });
    const allDone = kids.length > 0 && kids.every((k) => k.statusId === STATUS_IDS.done);
    const started = kids.some((k) => k.statusId !== STATUS_IDS.todo);
    if (allDone) resolve(ctx, epic, Math.max(...kids.map((k) => k.resolutionDate ?? 0)));
    else setOpen(ctx, epic, started ? STATUS_IDS.inProgress : STATUS_IDS.todo, epic.created);
    return epic;
  });
}

function makeSubtasks(ctx: IssueContext, parents: Draft[], count: number): Draft[] {
  const { random } = ctx;
  const candidates = random.shuffle(
    parents.filter((p) => p.issueTypeId !== ISSUE_TYPE_IDS.bug && p.sprintIds.length > 0),
  );
  const subtasks: Draft[] = [];
  for (const parent of candidates) {
    if (subtasks.length >= count) break;
    const n = random.int(1, 3);
    for (let i = 0; i < n && subtasks.length < count; i++) {
      const sub = newDraft(ctx, -1);
      sub.issueTypeId = ISSUE_TYPE_IDS.subtask;
      sub.summary = subtaskSummary(i, parent.summary);
      sub.description = null;
      sub.storyPoints = null;
      sub.labels = [];
      sub.componentIds = [...parent.componentIds];
      sub.priorityId = parent.priorityId;
      sub.sprintIds = [...parent.sprintIds];
      sub.parentIdDraft = parent;
      sub.created = parent.created + between(random, 0, 2 * DAY);
      if (parent.statusId === STATUS_IDS.done)
        resolve(ctx, sub, Math.max(sub.created, (parent.resolutionDate as number) - between(random, 0, DAY)));
      else if (parent.statusId === STATUS_IDS.todo) setOpen(ctx, sub, STATUS_IDS.todo, sub.created);
      else if (random.chance(0.4)) resolve(ctx, sub, between(random, sub.created, ctx.now - 3_600_000));
      else setOpen(ctx, sub, random.chance(0.5) ? STATUS_IDS.inProgress : STATUS_IDS.todo, sub.created);
      subtasks.push(sub);
    }
  }
  return subtasks;
}

function addComments(ctx: IssueContext, draft: Draft) {
  const { random } = ctx;
  if (!random.chance(ctx.isLarge ? 0.05 : 0.25)) return;
  const count = random.int(1, 3);
  for (let i = 0; i < count; i++) {
    const at = between(random, draft.created, Math.max(draft.created, draft.updated));
    draft.comments.push({
      id: ctx.nextCommentId(),
      authorId: random.pick(ctx.people).accountId,
      body: adfText(commentText(random)),
      created: at,
      updated: at,
    });
  }
  draft.comments.sort((a, b) => a.created - b.created);
}

/** Builds the record with one fixed property order so every issue shares a shape (fast property access when scanning 25,000). */
function toIssue(draft: Draft, id: number, key: string, number: number): JiraIssue {
  return {
    id,
    key,
    number,
    projectId: draft.projectId,
    issueTypeId: draft.issueTypeId,
    summary: draft.summary,
    description: draft.description,
    statusId: draft.statusId,
    priorityId: draft.priorityId,
    assigneeId: draft.assigneeId,
    reporterId: draft.reporterId,
    labels: draft.labels,
    componentIds: draft.componentIds,
    fixVersionIds: draft.fixVersionIds,
    storyPoints: draft.storyPoints,
    sprintIds: draft.sprintIds,
    parentId: null,
    rank: 0,
    created: draft.created,
    updated: Math.max(draft.updated, draft.created),
    resolutionDate: draft.resolutionDate,
    statusCategoryChangeDate: Math.max(draft.statusCategoryChangeDate, draft.created),
    comments: draft.comments,
    remoteLinks: draft.remoteLinks,
  };
}

/** An issue and a sprint it was put into after that sprint started. */
export type SeededSprintAddition = { issue: JiraIssue } & SprintAddition;

export type ProjectIssues = {
  issues: JiraIssue[];
  links: JiraIssueLink[];
  rankOrder: JiraIssue[];
  sprintAdditions: SeededSprintAddition[];
};

export function generateProjectIssues(ctx: IssueContext): ProjectIssues {
  const { random } = ctx;
  const epicCount = Math.max(3, Math.round(ctx.issueCount * 0.04));
  const subtaskCount = Math.round(ctx.issueCount * 0.15);
  const workCount = ctx.issueCount - epicCount - subtaskCount;
  const workItems: Draft[] = Array.from({ length: workCount }, (_, i) => newDraft(ctx, i));
  const { active, future, backlog } = playSprints(ctx, workItems);
  const epics = makeEpics(ctx, workItems, epicCount);
  const subtasks = makeSubtasks(ctx, workItems, subtaskCount);
  const drafts: Draft[] = [...epics, ...workItems, ...subtasks];

  // Keys follow creation order, as Jira numbers issues.
  const byCreation = [...drafts].sort((a, b) => a.created - b.created);
  const issueOf = new Map<Draft, JiraIssue>();
  for (const draft of byCreation) {
    addComments(ctx, draft);
    if (draft.assigneeId === null && draft.statusId !== STATUS_IDS.todo)
      draft.assigneeId = pickAssignee(random, ctx.people, null);
    const number = ctx.project.nextNumber++;
    issueOf.set(draft, toIssue(draft, ctx.nextIssueId(), `${ctx.project.key}-${number}`, number));
  }
  for (const draft of drafts) {
    if (draft.parentIdDraft)
      (issueOf.get(draft) as JiraIssue).parentId = (issueOf.get(draft.parentIdDraft) as JiraIssue).id;
  }

  // Board order: history first, then the active sprint, the planned sprint and the backlog.
  const closedItems = workItems.filter((w) => !active.includes(w) && !future.includes(w) && !backlog.includes(w));
  const backlogRanked = [...backlog].sort(
    (a, b) => Number(PRIORITY_RANK[a.priorityId]) - Number(PRIORITY_RANK[b.priorityId]) || a.order - b.order,
  );
  const rankOrder = [...closedItems, ...active, ...future, ...backlogRanked, ...epics, ...subtasks].map(
    (d) => issueOf.get(d) as JiraIssue,
  );
  const issues = byCreation.map((d) => issueOf.get(d) as JiraIssue);
  const links = makeLinks(ctx, issueOf, { active, backlog, future, closed: closedItems });
  const sprintAdditions = workItems.flatMap((d) =>
    (d.sprintAdditions ?? []).map((addition) => ({ issue: issueOf.get(d) as JiraIssue, ...addition })),
  );
  return { issues, links, rankOrder, sprintAdditions };
}
