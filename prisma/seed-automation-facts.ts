import type { SentryIssueFacts } from "../lib/domain/automations";
import type { JiraIssue } from "../emulators/jira/model";
import { ISSUE_TYPE_IDS, STATUS_IDS } from "../emulators/jira/reference";
import { buildJiraSite } from "../emulators/seed/jira";
import type { SentryData, SentryIssue } from "../emulators/seed/sentry-types";
import type { World, WorldOrg } from "../emulators/seed/world";

/**
 * The emulated services' own records that the demo's automation history points at: Sentry issues that exist
 * in the Sentry emulator's seed, and Jira issues whose current status is what the history says a rule left them
 * in (a bug in To Do that a rule filed, a story In Progress that a branch started, one In Review, one Done).
 */
export type JiraIssueRef = { id: string; key: string; projectKey: string; summary: string };

export type AutomationFacts = {
  sentry: {
    /** Filed as a bug at once. */
    filed: SentryIssueFacts;
    /** Filed as a bug once Jira came back after an outage. */
    filedAfterRetry: SentryIssueFacts;
    /** Already ticketed: its new event was skipped as a duplicate. */
    duplicate: SentryIssueFacts;
    /** Its bug could not be filed: Jira would not assign it to the suggested owner. */
    unassignable: SentryIssueFacts;
    project: string;
  };
  jira: {
    projectKey: string;
    /** The bugs the rules filed, in To Do. */
    filedBug: JiraIssueRef;
    filedAfterRetryBug: JiraIssueRef;
    /** The bug filed for the duplicate's issue days ago, since finished. */
    duplicateBug: JiraIssueRef;
    started: JiraIssueRef;
    inReview: JiraIssueRef;
    merged: JiraIssueRef;
  };
};

const ref = (issue: JiraIssue): JiraIssueRef => ({
  id: String(issue.id),
  key: issue.key,
  projectKey: issue.key.split("-")[0] ?? "",
  summary: issue.summary,
});

function pick<T>(items: T[], count: number, what: string): T[] {
  if (items.length < count)
    throw new Error(`The demo seed needs ${count} ${what}, and the emulator seed has ${items.length}`);
  return items.slice(0, count);
}

function sentryFacts(issue: SentryIssue, project: string, baseUrl: string, orgSlug: string): SentryIssueFacts {
  return {
    id: issue.id,
    shortId: issue.shortId,
    title: issue.title,
    culprit: issue.culprit,
    level: issue.level as SentryIssueFacts["level"],
    substatus: issue.substatus,
    permalink: `${baseUrl}/organizations/${orgSlug}/issues/${issue.id}/`,
    project: { slug: project },
    eventCount: issue.series.total(),
    userCount: issue.userCount,
    firstSeen: new Date(issue.firstSeenMs).toISOString(),
    lastSeen: new Date(issue.lastSeenMs).toISOString(),
    firstReleaseVersion: issue.firstRelease,
  };
}

export function automationFacts({
  world,
  org,
  sentryData,
  sentryBaseUrl,
}: {
  world: World;
  org: WorldOrg;
  sentryData: SentryData;
  sentryBaseUrl: string;
}): AutomationFacts {
  const site = buildJiraSite(world, org);
  const project = site.projects[0];
  if (!project) throw new Error(`${org.slug} has no Jira project`);
  const inProject = site.issues.filter((issue) => issue.projectId === project.id);
  const bugs = pick(
    inProject.filter((i) => i.issueTypeId === ISSUE_TYPE_IDS.bug && i.statusId === STATUS_IDS.todo),
    2,
    "bugs in To Do",
  );
  const [doneBug] = pick(
    inProject.filter((i) => i.issueTypeId === ISSUE_TYPE_IDS.bug && i.statusId === STATUS_IDS.done),
    1,
    "finished bugs",
  );
  // Work items (not epics or sub-tasks) of the first project, then of the others, in the status the history left them.
  const workItems = [...inProject, ...site.issues.filter((issue) => issue.projectId !== project.id)].filter(
    (issue) => issue.issueTypeId !== ISSUE_TYPE_IDS.epic && issue.issueTypeId !== ISSUE_TYPE_IDS.subtask,
  );
  const inStatus = (statusId: string) =>
    pick(
      workItems.filter((i) => i.statusId === statusId),
      1,
      `work items in status ${statusId}`,
    )[0]!;

  const sentryOrg = sentryData.orgs.find((o) => o.slug === org.slug);
  const sentryProject = org.sentry.projects[0];
  if (!sentryOrg || !sentryProject) throw new Error(`${org.slug} has no Sentry data`);
  const candidates = pick(
    sentryOrg.issues.filter(
      (issue) =>
        issue.projectId === sentryProject.id &&
        issue.category === undefined &&
        issue.status === "unresolved" &&
        (issue.level === "error" || issue.level === "fatal"),
    ),
    4,
    "unresolved Sentry errors",
  );
  const [filed, filedAfterRetry, duplicate, unassignable] = candidates.map((issue) =>
    sentryFacts(issue, sentryProject.slug, sentryBaseUrl, org.sentry.orgSlug),
  ) as [SentryIssueFacts, SentryIssueFacts, SentryIssueFacts, SentryIssueFacts];
  return {
    sentry: { filed, filedAfterRetry, duplicate, unassignable, project: sentryProject.slug },
    jira: {
      projectKey: project.key,
      filedBug: ref(bugs[0]!),
      filedAfterRetryBug: ref(bugs[1]!),
      duplicateBug: ref(doneBug!),
      started: ref(inStatus(STATUS_IDS.inProgress)),
      inReview: ref(inStatus(STATUS_IDS.inReview)),
      merged: ref(inStatus(STATUS_IDS.done)),
    },
  };
}
