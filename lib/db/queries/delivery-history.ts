import "server-only";
import { db } from "@/lib/db/client";
import type { IncidentKind } from "@/lib/db/generated/enums";

/**
 * The org's delivery history: deploys and release commits read from Sentry, pull requests from GitHub's webhooks,
 * and the incidents Bosun detected. What the Insights → Delivery page and the `dora_metrics` tool compute from.
 */

export type DeployInput = {
  sentryId: string;
  version: string;
  environment: string;
  projects: string[];
  dateStarted: Date | null;
  dateFinished: Date;
  name: string | null;
  url: string | null;
};

/** Records a release's deploys; one row per Sentry deploy id, so reading a release again adds nothing. */
export async function upsertDeploys({ orgId, deploys }: { orgId: string; deploys: DeployInput[] }) {
  for (const deploy of deploys) {
    await db.deploy.upsert({
      where: { orgId_sentryId: { orgId, sentryId: deploy.sentryId } },
      create: { orgId, ...deploy },
      update: { ...deploy },
    });
  }
}

export async function listDeploysSince({ orgId, since }: { orgId: string; since: Date }) {
  return db.deploy.findMany({ where: { orgId, dateFinished: { gte: since } }, orderBy: { dateFinished: "asc" } });
}

/** How many deploys are stored for each version: the backfill reads only releases whose count differs from Sentry's. */
export async function countDeploysByVersion({ orgId }: { orgId: string }): Promise<Map<string, number>> {
  const rows = await db.deploy.groupBy({ by: ["version"], where: { orgId }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.version, r._count._all]));
}

/** Sentry's ids of the org's stored deploys: a release whose last deploy is among them has nothing new. */
export async function listDeploySentryIds({ orgId }: { orgId: string }): Promise<Set<string>> {
  const rows = await db.deploy.findMany({ where: { orgId }, select: { sentryId: true } });
  return new Set(rows.map((r) => r.sentryId));
}

/** The environments deploys were recorded in, for the page's filter. */
export async function listDeployEnvironments({ orgId }: { orgId: string }): Promise<string[]> {
  const rows = await db.deploy.findMany({ where: { orgId }, distinct: ["environment"], select: { environment: true } });
  return rows.map((r) => r.environment).sort();
}

export async function replaceReleaseCommits({
  orgId,
  version,
  commits,
}: {
  orgId: string;
  version: string;
  commits: { sha: string; committedAt: Date | null; authorEmail: string | null }[];
}) {
  await db.$transaction([
    db.releaseCommit.deleteMany({ where: { orgId, version } }),
    db.releaseCommit.createMany({
      data: commits.map((c) => ({ orgId, version, ...c })),
      skipDuplicates: true,
    }),
  ]);
}

export async function listReleaseCommits({ orgId, versions }: { orgId: string; versions: string[] }) {
  return db.releaseCommit.findMany({
    where: { orgId, version: { in: versions } },
    select: { version: true, sha: true, committedAt: true },
  });
}

export type PullRequestInput = {
  repo: string;
  number: number;
  title: string;
  openedAt: Date;
  mergedAt: Date | null;
  mergeCommitSha: string | null;
  headSha: string | null;
};

/** One row per repo and number, updated by each later webhook (opened, reopened, closed or merged). */
export async function upsertPullRequest({ orgId, pullRequest }: { orgId: string; pullRequest: PullRequestInput }) {
  const { repo, number, ...rest } = pullRequest;
  return db.pullRequestRecord.upsert({
    where: { orgId_repo_number: { orgId, repo, number } },
    create: { orgId, repo, number, ...rest },
    update: rest,
  });
}

export async function listPullRequestsForShas({ orgId, shas }: { orgId: string; shas: string[] }) {
  if (shas.length === 0) return [];
  return db.pullRequestRecord.findMany({
    where: { orgId, OR: [{ mergeCommitSha: { in: shas } }, { headSha: { in: shas } }] },
  });
}

export type IncidentInput = {
  kind: IncidentKind;
  version: string;
  environment: string;
  project: string | null;
  startedAt: Date;
  resolvedAt?: Date | null;
  summary: string;
  sourceKey: string;
};

/** Records an incident once per source key: a retried job or a second backfill adds nothing. */
export async function recordIncident({ orgId, incident }: { orgId: string; incident: IncidentInput }) {
  return db.deliveryIncident.upsert({
    where: { orgId_sourceKey: { orgId, sourceKey: incident.sourceKey } },
    create: { orgId, ...incident, resolvedAt: incident.resolvedAt ?? null },
    update: {},
  });
}

/** Sets the resolution of still-open incidents recorded under these source keys. */
export async function resolveIncidents({
  orgId,
  sourceKeys,
  resolvedAt,
}: {
  orgId: string;
  sourceKeys: string[];
  resolvedAt: Date;
}) {
  const { count } = await db.deliveryIncident.updateMany({
    where: { orgId, sourceKey: { in: sourceKeys }, resolvedAt: null },
    data: { resolvedAt },
  });
  return count;
}

/** Open incidents of these kinds in one environment, oldest first. */
export async function listOpenIncidents({
  orgId,
  environment,
  kinds,
}: {
  orgId: string;
  environment: string;
  kinds: IncidentKind[];
}) {
  return db.deliveryIncident.findMany({
    where: { orgId, environment, kind: { in: kinds }, resolvedAt: null },
    orderBy: { startedAt: "asc" },
  });
}

export async function listIncidentsSince({ orgId, since }: { orgId: string; since: Date }) {
  return db.deliveryIncident.findMany({ where: { orgId, startedAt: { gte: since } }, orderBy: { startedAt: "asc" } });
}

export async function getHistoryBackfill({ orgId, source }: { orgId: string; source: string }) {
  return db.historyBackfill.findUnique({ where: { orgId_source: { orgId, source } } });
}

/**
 * Creates the source's progress row if there is none. Returns whether this call created it, so exactly one caller
 * enqueues the first fill however many pages ask at once.
 */
export async function claimHistoryBackfill({ orgId, source }: { orgId: string; source: string }): Promise<boolean> {
  const { count } = await db.historyBackfill.createMany({
    data: [{ orgId, source, note: "Queued" }],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function updateHistoryBackfill({
  orgId,
  source,
  ...data
}: {
  orgId: string;
  source: string;
  completedAt?: Date | null;
  reachedBack?: Date | null;
  note?: string | null;
}) {
  return db.historyBackfill.upsert({
    where: { orgId_source: { orgId, source } },
    create: { orgId, source, ...data },
    update: data,
  });
}
