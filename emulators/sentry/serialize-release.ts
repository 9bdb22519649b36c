import type { SentryRelease } from "../seed/sentry-types";
import { serializeDeploy } from "./serialize-deploy";
import { type HealthOptions, hasHealthData, releaseHealth } from "./release-health";
import type { OrgState, SentryStore } from "./store";
import { iso } from "./time-range";

/** Release serializer (org and project release lists, release details). */

type ReleaseIndexEntry = { newGroups: Map<string, number>; firstEventMs: number | null; lastEventMs: number | null };

/** New issues per release and project plus first/last event times, cached until the next write. */
function releaseIndex(store: SentryStore, org: OrgState): Map<string, ReleaseIndexEntry> {
  const key = `release-index|${org.data.slug}`;
  const cached = store.caches.get(key) as Map<string, ReleaseIndexEntry> | undefined;
  if (cached) return cached;
  const index = new Map<string, ReleaseIndexEntry>();
  const entry = (version: string) => {
    let e = index.get(version);
    if (!e) index.set(version, (e = { newGroups: new Map(), firstEventMs: null, lastEventMs: null }));
    return e;
  };
  for (const issue of org.data.issues) {
    // Feedback is not an error: it counts neither as a new issue nor as an event of the release.
    if (issue.category === "feedback") continue;
    if (issue.firstRelease) {
      const e = entry(issue.firstRelease);
      e.newGroups.set(issue.projectId, (e.newGroups.get(issue.projectId) ?? 0) + 1);
    }
    for (const version of issue.releases) {
      const e = entry(version);
      // An issue seen before this release only has events in it from the release's creation on.
      const since = Math.max(
        issue.firstSeenMs,
        org.releaseByVersion.get(version)?.dateCreated.getTime() ?? issue.firstSeenMs,
      );
      e.firstEventMs = e.firstEventMs === null ? since : Math.min(e.firstEventMs, since);
      e.lastEventMs = e.lastEventMs === null ? issue.lastSeenMs : Math.max(e.lastEventMs, issue.lastSeenMs);
    }
  }
  store.caches.set(key, index);
  return index;
}

function versionInfo(version: string) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([\w.]+))?$/.exec(version);
  return {
    package: null,
    version: m
      ? {
          raw: version,
          major: Number(m[1]),
          minor: Number(m[2]),
          patch: Number(m[3]),
          pre: m[4] ?? null,
          buildCode: null,
          components: 3,
        }
      : { raw: version },
    description: version,
    buildHash: null,
  };
}

export type ReleaseSerializeOptions = {
  health: HealthOptions | null;
  healthProjects: Set<string> | null;
  adoptionStages: boolean;
};

export function serializeRelease(
  store: SentryStore,
  org: OrgState,
  release: SentryRelease,
  options: ReleaseSerializeOptions,
) {
  const index = releaseIndex(store, org).get(release.version);
  const projects = release.projectIds.map((id) => org.projectById.get(id)).filter((p) => p !== undefined);
  const dateReleased = release.dateReleased ? iso(release.dateReleased.getTime()) : null;
  const adoptionStages: Record<string, unknown> = {};
  const projectRows = projects.map((project) => {
    const row: Record<string, unknown> = {
      id: Number(project.id),
      slug: project.slug,
      name: project.name,
      platform: project.platform,
      platforms: [project.platform],
      hasHealthData: hasHealthData(org, project.id, release.version),
      newGroups: index?.newGroups.get(project.id) ?? 0,
      dateReleased,
      dateCreated: iso(release.dateCreated.getTime()),
    };
    if (options.health && (!options.healthProjects || options.healthProjects.has(project.id))) {
      const health = releaseHealth(org, release, project, options.health);
      row.healthData = health;
      const adopted = (health.adoption ?? 0) >= 10;
      adoptionStages[project.slug] = {
        stage: adopted ? "adopted" : health.hasHealthData ? "replaced" : "low_adoption",
        adopted: adopted ? (dateReleased ?? iso(release.dateCreated.getTime())) : null,
        unadopted: null,
      };
    }
    return row;
  });
  // The most recently recorded deploy, whatever its environment or dates, as Sentry's `last_deploy_id` is.
  const lastDeploy = org.deploysByVersion.get(release.version)?.at(-1);
  return {
    ref: null,
    url: null,
    dateReleased,
    dateCreated: iso(release.dateCreated.getTime()),
    dateStarted: null,
    owner: null,
    lastCommit: null,
    lastDeploy: lastDeploy ? serializeDeploy(lastDeploy) : null,
    firstEvent: index?.firstEventMs != null ? iso(index.firstEventMs) : null,
    lastEvent: index?.lastEventMs != null ? iso(index.lastEventMs) : null,
    currentProjectMeta: {},
    userAgent: null,
    ...(options.adoptionStages ? { adoptionStages } : {}),
    id: release.id,
    version: release.version,
    newGroups: [...(index?.newGroups.values() ?? [])].reduce((a, b) => a + b, 0),
    status: "open",
    shortVersion: release.version,
    versionInfo: versionInfo(release.version),
    data: {},
    commitCount: release.commitCount,
    deployCount: release.deployCount,
    authors: [],
    projects: projectRows,
  };
}
