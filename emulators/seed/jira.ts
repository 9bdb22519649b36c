import { createRandom } from "./random";
import { type World, type WorldOrg, volumesFor } from "./world";
import type {
  JiraBoard,
  JiraIssue,
  JiraIssueLink,
  JiraProject,
  JiraSiteData,
  JiraSprint,
  JiraUser,
  JiraVersion,
} from "../jira/model";
import type { ProjectSprints } from "./jira-draft";
import { seedChangeHistories } from "./jira-history";
import { type SeededSprintAddition, generateProjectIssues } from "./jira-issues";

/**
 * The Jira side of the shared world: one site per org with the org's people,
 * projects, scrum boards, sprint history, versions named like the world's
 * releases, and issues. Same world (size, seed, now) → same data.
 */
const DAY = 86_400_000;
export const RANK_GAP = 1024;

function toUsers(org: WorldOrg): JiraUser[] {
  return org.people.map((p) => ({
    accountId: p.jiraAccountId,
    email: p.email,
    displayName: p.name,
    components: p.components,
    timeZone: "Europe/London",
  }));
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function buildVersions(org: WorldOrg, project: JiraProject, nextVersionId: () => string): JiraVersion[] {
  return org.releases.map((release) => {
    const releasedAt = release.releasedAt.getTime();
    return {
      id: nextVersionId(),
      projectId: project.id,
      name: release.version,
      description: `Release ${release.version}`,
      released: release.released,
      archived: false,
      startDate: isoDay(releasedAt - 7 * DAY),
      releaseDate: isoDay(releasedAt),
    };
  });
}

function buildSprints(
  project: JiraProject,
  closedCount: number,
  sprintDays: number,
  now: number,
  nextSprintId: () => number,
): ProjectSprints {
  const today = Math.floor(now / DAY) * DAY;
  const activeStart = today - 3 * DAY + 9 * 3_600_000;
  const length = sprintDays * DAY;
  const sprint = (n: number, state: JiraSprint["state"], start: number): JiraSprint => ({
    id: nextSprintId(),
    name: `${project.key} Sprint ${n}`,
    state,
    originBoardId: project.boardId,
    goal: state === "future" ? "" : `Sprint ${n} goal for ${project.name}`,
    createdDate: Math.min(start - 3 * DAY, now - DAY),
    startDate: start,
    endDate: start + length,
    completeDate: state === "closed" ? start + length + 2 * 3_600_000 : null,
  });
  const closed = Array.from({ length: closedCount }, (_, i) =>
    sprint(i + 1, "closed", activeStart - (closedCount - i) * length),
  );
  return {
    closed,
    active: sprint(closedCount + 1, "active", activeStart),
    future: sprint(closedCount + 2, "future", activeStart + length),
  };
}

export function buildJiraSite(world: World, org: WorldOrg): JiraSiteData {
  const now = world.now.getTime();
  const volumes = volumesFor(world, org);
  const orgIndex = world.orgs.indexOf(org);
  const random = createRandom(`${world.seed}:jira:${org.slug}`);
  const users = toUsers(org);
  const counters = {
    issue: 10000 + orgIndex * 100000,
    sprint: orgIndex * 1000 + 1,
    version: 10000 + orgIndex * 10000,
    comment: 10000 + orgIndex * 1000000,
    link: 10000 + orgIndex * 100000,
    remoteLink: 10000,
  };
  const nextIssueId = () => counters.issue++;
  const nextSprintId = () => counters.sprint++;
  const nextVersionId = () => String(counters.version++);
  const nextCommentId = () => String(counters.comment++);
  const nextLinkId = () => String(counters.link++);

  const projects: JiraProject[] = org.jira.projects.map((p, i) => ({
    id: p.id,
    key: p.key,
    name: p.name,
    leadAccountId: (users[i % users.length] as JiraUser).accountId,
    components: p.components.map((c) => ({
      id: c.id,
      name: c.name,
      projectId: p.id,
      leadAccountId: users.find((u) => u.components.includes(c.name))?.accountId ?? null,
    })),
    boardId: p.boardId,
    nextNumber: 1,
  }));
  const boards: JiraBoard[] = projects.map((p) => ({
    id: p.boardId,
    name: `${p.key} board`,
    type: "scrum",
    projectId: p.id,
    filterId: String(10000 + p.boardId),
  }));

  const sprints: JiraSprint[] = [];
  const versions: JiraVersion[] = [];
  const issues: JiraIssue[] = [];
  const links: JiraIssueLink[] = [];
  const rankOrder: JiraIssue[] = [];
  const sprintAdditions: SeededSprintAddition[] = [];
  for (const project of projects) {
    const projectSprints = buildSprints(project, volumes.closedSprintsPerBoard, volumes.sprintDays, now, nextSprintId);
    sprints.push(...projectSprints.closed, projectSprints.active, projectSprints.future);
    const projectVersions = buildVersions(org, project, nextVersionId);
    versions.push(...projectVersions);
    const generated = generateProjectIssues({
      random: random.fork(project.key),
      project,
      sprints: projectSprints,
      people: users,
      versions: projectVersions,
      releases: org.releases,
      issueCount: volumes.issuesPerProject,
      now,
      isLarge: world.size === "large" && org.slug === "acme",
      nextIssueId,
      nextCommentId,
      nextLinkId,
    });
    issues.push(...generated.issues);
    links.push(...generated.links);
    rankOrder.push(...generated.rankOrder);
    sprintAdditions.push(...generated.sprintAdditions);
  }
  rankOrder.forEach((issue, i) => {
    issue.rank = (i + 1) * RANK_GAP;
  });

  const site: JiraSiteData = {
    slug: org.slug,
    name: org.jira.siteName,
    users,
    projects,
    boards,
    sprints,
    versions,
    issues,
    links,
    // The site's first person administers it, so the demo token (which acts as that person) can register webhooks.
    adminAccountIds: users.slice(0, 1).map((u) => u.accountId),
    webhooks: [],
    changeHistories: [],
    nextIds: {
      issue: counters.issue,
      sprint: counters.sprint,
      version: counters.version,
      comment: counters.comment,
      link: counters.link,
      remoteLink: counters.remoteLink,
      webhook: 1,
      changelog: 10000 + orgIndex * 1000000,
    },
  };
  site.changeHistories = seedChangeHistories(site, sprintAdditions);
  return site;
}

export function buildJiraSites(world: World): JiraSiteData[] {
  return world.orgs.map((org) => buildJiraSite(world, org));
}
