import { buildSentryData } from "../seed/sentry";
import { sampleEvents } from "../seed/sentry-events";
import { emptySessionSeries } from "../seed/sentry-sessions";
import { type SpanTable, spansForOrg } from "../seed/sentry-spans";
import type {
  SentryData,
  SentryDeploy,
  SentryIssue,
  SentryOrgData,
  SentryProject,
  SentryRelease,
  SentryUser,
  SessionSeries,
} from "../seed/sentry-types";
import { buildWorld, type SeedSize, type World } from "../seed/world";

/**
 * The emulator's mutable state with the indexes requests need. Every write
 * calls `touch()`, which bumps `version` and drops cached list orders.
 */

export type OrgState = {
  data: SentryOrgData;
  issueById: Map<string, SentryIssue>;
  issueByShortId: Map<string, SentryIssue>;
  issueByHash: Map<string, SentryIssue>;
  projectById: Map<string, SentryProject>;
  projectBySlug: Map<string, SentryProject>;
  releaseByVersion: Map<string, SentryRelease>;
  /** Each release's deploys in the order they were recorded. */
  deploysByVersion: Map<string, SentryDeploy[]>;
  sessionsByKey: Map<string, SessionSeries>;
  nextIssueSeq: number;
  shortIdSeq: Map<string, number>;
  /** Explore's spans, generated on the first performance request (see `spans`). */
  spanTable: SpanTable | null;
};

export type StoreOptions = { size: SeedSize; seed: number; now?: Date };

function deployIndex(deploys: SentryDeploy[]): Map<string, SentryDeploy[]> {
  const index = new Map<string, SentryDeploy[]>();
  for (const deploy of deploys) index.set(deploy.version, [...(index.get(deploy.version) ?? []), deploy]);
  return index;
}

function indexOrg(data: SentryOrgData): OrgState {
  const shortIdSeq = new Map<string, number>();
  for (const issue of data.issues) {
    const [prefix] = issue.shortId.split("-");
    shortIdSeq.set(prefix as string, (shortIdSeq.get(prefix as string) ?? 0) + 1);
  }
  return {
    data,
    issueById: new Map(data.issues.map((i) => [i.id, i])),
    issueByShortId: new Map(data.issues.map((i) => [i.shortId.toUpperCase(), i])),
    issueByHash: new Map(data.issues.map((i) => [`${i.projectId}:${i.groupHash}`, i])),
    projectById: new Map(data.projects.map((p) => [p.id, p])),
    projectBySlug: new Map(data.projects.map((p) => [p.slug, p])),
    releaseByVersion: new Map(data.releases.map((r) => [r.version, r])),
    deploysByVersion: deployIndex(data.deploys),
    sessionsByKey: new Map(data.sessions.map((s) => [`${s.projectId}|${s.release}|${s.environment}`, s])),
    nextIssueSeq: data.issues.length + 1,
    shortIdSeq,
    spanTable: null,
  };
}

export class SentryStore {
  world!: World;
  data!: SentryData;
  version = 0;
  private orgs = new Map<string, OrgState>();
  private clockBase = 0;
  private clockStartedAt = 0;
  private readonly fixedNow: Date | undefined;
  readonly caches = new Map<string, unknown>();
  /** Ingested sessions by `project|sid`: what has been counted for each, so updates count once. */
  readonly sessionStates = new Map<string, { errored: boolean; crashed: boolean; abnormal: boolean }>();
  /** Distinct session users seen per `project|release|environment`. */
  readonly sessionUsers = new Map<string, Set<string>>();

  constructor(options: StoreOptions) {
    this.fixedNow = options.now;
    this.reset(options.size, options.seed);
  }

  reset(size: SeedSize, seed: number) {
    // Without a fixed `now`, seed relative to the current minute so equal seeds give equal data.
    const now = this.fixedNow ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
    this.world = buildWorld({ size, seed, now });
    this.data = buildSentryData(this.world);
    this.clockBase = now.getTime();
    this.clockStartedAt = Date.now();
    this.orgs.clear();
    this.sessionStates.clear();
    this.sessionUsers.clear();
    for (const org of this.data.orgs) {
      // Feedback is served as issues (of its own category) after the error issues, as ids continue from them.
      org.issues.push(...org.feedback);
      const state = indexOrg(org);
      this.orgs.set(org.slug, state);
      this.orgs.set(org.id, state);
    }
    this.touch();
  }

  /** The emulator's clock: starts at the seed's `now` and runs in real time. */
  now(): number {
    return this.clockBase + (Date.now() - this.clockStartedAt);
  }

  touch() {
    this.version++;
    this.caches.clear();
  }

  org(idOrSlug: string): OrgState | undefined {
    return this.orgs.get(idOrSlug);
  }

  orgStates(): OrgState[] {
    return this.data.orgs.map((o) => this.orgs.get(o.slug) as OrgState);
  }

  /** The user an org's auth token acts as ("me" in searches): the org's first admin. */
  tokenUser(org: OrgState): SentryUser {
    return org.data.users[0] as SentryUser;
  }

  findProject(org: OrgState, idOrSlug: string): SentryProject | undefined {
    return org.projectById.get(idOrSlug) ?? org.projectBySlug.get(idOrSlug);
  }

  findIssue(org: OrgState, idOrShortId: string): SentryIssue | undefined {
    return org.issueById.get(idOrShortId) ?? org.issueByShortId.get(idOrShortId.toUpperCase());
  }

  /** Issue events, oldest first; seeded issues get their sample events on first use. */
  events(org: OrgState, issue: SentryIssue) {
    if (!issue.eventsLoaded) {
      const project = org.projectById.get(issue.projectId) as SentryProject;
      issue.events = [...sampleEvents(this.data.seed, issue, project, org.data.users), ...issue.events];
      issue.eventsLoaded = true;
    }
    return issue.events;
  }

  /** The org's sampled spans; built once per reset, on first use, so other requests never pay for them. */
  spans(org: OrgState): SpanTable {
    org.spanTable ??= spansForOrg(this.data.seed, org.data);
    return org.spanTable;
  }

  addIssue(org: OrgState, issue: SentryIssue) {
    org.data.issues.push(issue);
    org.issueById.set(issue.id, issue);
    org.issueByShortId.set(issue.shortId.toUpperCase(), issue);
    org.issueByHash.set(`${issue.projectId}:${issue.groupHash}`, issue);
    this.touch();
  }

  nextIssueIdentity(org: OrgState, project: SentryProject): { id: string; seq: number } {
    const base = Number(org.data.issues[0]?.id ?? (org.data.slug === "acme" ? 6_100_000_001 : 6_200_000_001)) - 1;
    const id = String(base + org.nextIssueSeq++);
    const prefix = project.slug.toUpperCase();
    const seq = (org.shortIdSeq.get(prefix) ?? 0) + 1;
    org.shortIdSeq.set(prefix, seq);
    return { id, seq };
  }

  /** Returns the release, creating it (as Sentry does when events or sessions name a new one). */
  ensureRelease(org: OrgState, version: string, projectId: string): SentryRelease {
    let release = org.releaseByVersion.get(version);
    if (!release) {
      const maxId = Math.max(0, ...org.data.releases.map((r) => r.id));
      release = {
        id: maxId + 1,
        version,
        dateCreated: new Date(this.now()),
        dateReleased: null,
        commitCount: 0,
        deployCount: 0,
        projectIds: [],
      };
      org.data.releases.push(release);
      org.releaseByVersion.set(version, release);
    }
    if (!release.projectIds.includes(projectId)) release.projectIds.push(projectId);
    return release;
  }

  /** Records a deploy of a release, which becomes the release's `lastDeploy`, as Sentry's deploy creation does. */
  addDeploy(org: OrgState, release: SentryRelease, deploy: Omit<SentryDeploy, "id" | "version">): SentryDeploy {
    const maxId = Math.max(0, ...org.data.deploys.map((d) => Number(d.id)));
    const recorded: SentryDeploy = { id: String(maxId + 1), version: release.version, ...deploy };
    org.data.deploys.push(recorded);
    org.deploysByVersion.set(release.version, [...(org.deploysByVersion.get(release.version) ?? []), recorded]);
    release.deployCount++;
    this.touch();
    return recorded;
  }

  sessionSeries(org: OrgState, projectId: string, release: string, environment: string, hour: number): SessionSeries {
    const key = `${projectId}|${release}|${environment}`;
    let series = org.sessionsByKey.get(key);
    if (!series) {
      series = emptySessionSeries(projectId, release, environment, hour);
      org.data.sessions.push(series);
      org.sessionsByKey.set(key, series);
    }
    return series;
  }
}
