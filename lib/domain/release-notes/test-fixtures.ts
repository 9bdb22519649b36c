import { buildJiraStore } from "@/emulators/jira/index";
import type { JiraIssue } from "@/emulators/jira/model";
import { findIssueType, findStatus } from "@/emulators/jira/reference";
import type { JiraSite } from "@/emulators/jira/store";
import { buildSentryData } from "@/emulators/seed/sentry";
import type { SentryOrgData } from "@/emulators/seed/sentry-types";
import { buildWorld } from "@/emulators/seed/world";
import { crashFreeRate } from "@/lib/domain/release-health";
import type { KnownIssue, ReleaseHealth, ReleaseIssue, ReleaseNotesInput } from "./types";

/**
 * Test-only: release-notes input built from the emulators' deterministic demo
 * seed (seed 42, a fixed `now`), as Bosun would assemble it from Jira and
 * Sentry. The seed versions every project of a site with the world's release
 * names, so a release's issues are those of any project whose fixVersion has
 * the release's name. The generator itself never imports from emulators/.
 */
export const SEED_NOW = new Date("2026-11-20T12:00:00.000Z");
const SEED = 42;
const ORG = "acme";
const SENTRY_URL = "https://sentry.io";

let cached: { site: JiraSite; sentry: SentryOrgData } | null = null;

function seed() {
  if (!cached) {
    const site = buildJiraStore("demo", SEED, SEED_NOW).sites.get(ORG);
    const sentry = buildSentryData(buildWorld({ size: "demo", seed: SEED, now: SEED_NOW })).orgs.find((o) => o.slug === ORG);
    if (!site || !sentry) throw new Error(`The seed has no ${ORG} org`);
    cached = { site, sentry };
  }
  return cached;
}

/** The release versions of the seeded acme org, oldest first. */
export function seededVersions(): string[] {
  return seed().sentry.releases.map((r) => r.version);
}

export function seededReleaseInput(version: string): ReleaseNotesInput {
  const { site, sentry } = seed();
  const versions = site.data.versions.filter((v) => v.name === version);
  const first = versions[0];
  if (!first) throw new Error(`No fixVersion ${version} in the ${ORG} Jira seed`);
  const versionIds = new Set(versions.map((v) => v.id));
  const issues = site.data.issues.filter((issue) => issue.fixVersionIds.some((id) => versionIds.has(id)));
  return {
    version,
    releaseDate: first.releaseDate,
    released: first.released,
    jiraBrowseUrl: `https://${site.data.name}/browse`,
    issues: issues.map((issue) => toReleaseIssue(site, issue)),
    health: healthOf(sentry, version),
    knownIssues: knownIssuesOf(sentry, version),
  };
}

function toReleaseIssue(site: JiraSite, issue: JiraIssue): ReleaseIssue {
  const status = findStatus(issue.statusId);
  const components = site.projectById(issue.projectId).components;
  const epic = epicOf(site, issue);
  return {
    key: issue.key,
    summary: issue.summary,
    type: findIssueType(issue.issueTypeId).name,
    statusName: status.name,
    statusCategory: status.category,
    labels: issue.labels,
    components: issue.componentIds.map((id) => components.find((c) => c.id === id)?.name ?? id),
    epic: epic ? { key: epic.key, summary: epic.summary } : null,
  };
}

/** The nearest Epic up the parent chain (a subtask's epic is its parent's). */
function epicOf(site: JiraSite, issue: JiraIssue): JiraIssue | null {
  let parent = issue.parentId === null ? undefined : site.issueById(issue.parentId);
  while (parent) {
    if (findIssueType(parent.issueTypeId).name === "Epic") return parent;
    parent = parent.parentId === null ? undefined : site.issueById(parent.parentId);
  }
  return null;
}

/** Sessions over the seed's whole stats window (30 days, as Bosun's releases page asks), all projects summed. */
function healthOf(sentry: SentryOrgData, version: string): ReleaseHealth | null {
  const mine = sentry.sessions.filter((s) => s.release === version);
  const sum = (series: typeof mine, metric: "total" | "crashed" | "users" | "crashedUsers") => series.reduce((n, s) => n + s[metric].total(), 0);
  const sessions = sum(mine, "total");
  if (sessions === 0) return null;
  const allSessions = sum(sentry.sessions, "total");
  return {
    crashFreeSessions: crashFreeRate(sessions, sum(mine, "crashed")),
    crashFreeUsers: crashFreeRate(sum(mine, "users"), sum(mine, "crashedUsers")),
    adoption: allSessions > 0 ? (100 * sessions) / allSessions : null,
    sessions,
  };
}

/** Unresolved Sentry issues first seen in the release. */
function knownIssuesOf(sentry: SentryOrgData, version: string): KnownIssue[] {
  return sentry.issues
    .filter((issue) => issue.firstRelease === version && issue.status === "unresolved")
    .map((issue) => ({
      shortId: issue.shortId,
      title: issue.title,
      permalink: `${SENTRY_URL}/organizations/${sentry.slug}/issues/${issue.id}/`,
      users: issue.userCount,
      events: issue.series.total(),
    }));
}
