import "server-only";
import {
  countDeploysByVersion,
  listDeploySentryIds,
  replaceReleaseCommits,
  updateHistoryBackfill,
  upsertDeploys,
} from "@/lib/db/queries/delivery-history";
import { classifySeverity, severityInputFromIssue } from "@/lib/domain/severity";
import { getSeveritySettings } from "@/lib/features/errors";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listIssues, type SentryClientConfig } from "@/lib/integrations/sentry";
import { listDeploysOfRelease, listReleasesSince } from "@/lib/integrations/sentry/deploys";
import type { ReleaseDeliverySummary } from "@/lib/integrations/sentry/deploys-transform";
import { listReleaseCommits } from "@/lib/integrations/sentry/release-commits";
import type { OrgRead } from "@/lib/platform/org-read";
import { HISTORY_DAYS, SENTRY_DEPLOYS_SOURCE, SENTRY_NOT_CONNECTED } from "./constants";
import { recordCriticalIssue, recordReleaseRegressions } from "./incidents";

export type BackfillResult = { releases: number; read: number; skipped: number; reachedBack: Date };

/**
 * Fills (and later catches up) the org's delivery history from Sentry: the releases of the last 180 days, and for
 * each release with a deploy Bosun has not stored, its deploys; a release new to Bosun also gets its
 * commits and its new Critical issues read once. A release already complete costs nothing beyond the release list.
 * Then the release scorecards' regressions are recorded as incidents. Progress is kept in HistoryBackfill, so the
 * page can say what is done.
 */
export async function backfillDeliveryHistory({
  orgId,
  now = new Date(),
  requestId,
}: OrgRead): Promise<BackfillResult | null> {
  const source = SENTRY_DEPLOYS_SOURCE;
  const sentry = await getSentryConfig({ orgId, requestId });
  if (!sentry) {
    await updateHistoryBackfill({ orgId, source, note: SENTRY_NOT_CONNECTED });
    return null;
  }
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const releases = await listReleasesSince(sentry, since);
  const [stored, storedIds] = await Promise.all([countDeploysByVersion({ orgId }), listDeploySentryIds({ orgId })]);
  const stale = releases.filter((r) => hasNewDeploys(r, stored.get(r.version) ?? 0, storedIds));
  await updateHistoryBackfill({
    orgId,
    source,
    note: `Reading ${stale.length} of ${releases.length} releases from Sentry`,
  });

  const severity = await getSeveritySettings({ orgId });
  let read = 0;
  for (const release of stale) {
    await readRelease({ orgId, sentry, release, isNew: !stored.has(release.version), severity });
    read++;
    if (read % 10 === 0 || read === stale.length)
      await updateHistoryBackfill({ orgId, source, note: `Read ${read} of ${stale.length} releases from Sentry` });
  }

  const scorecards = await loadReleaseScorecards({ orgId, requestId });
  await recordReleaseRegressions({ orgId, scorecards: scorecards.scorecards, now });

  const oldest = releases.reduce<Date | null>((min, r) => {
    const created = new Date(r.dateCreated);
    return !min || created < min ? created : min;
  }, null);
  const reachedBack = oldest && oldest > since ? oldest : since;
  await updateHistoryBackfill({
    orgId,
    source,
    completedAt: now,
    reachedBack,
    note: `${releases.length} releases of the last ${HISTORY_DAYS} days; ${read} read from Sentry this time${scorecards.error ? `; regressions not read: ${scorecards.error}` : ""}`,
  });
  return { releases: releases.length, read, skipped: releases.length - read, reachedBack };
}

/**
 * Whether Sentry has a deploy of the release Bosun has not stored. Sentry lists only each environment's latest
 * deploy of a release while its deploy count counts every one, so the counts alone would differ for ever after a
 * redeploy: the release's last deploy (from the release list) tells instead, and the count where it is missing.
 */
function hasNewDeploys(release: ReleaseDeliverySummary, storedCount: number, storedIds: Set<string>): boolean {
  if (release.deployCount === 0) return false;
  if (release.lastDeployId) return !storedIds.has(release.lastDeployId);
  return release.deployCount !== storedCount;
}

async function readRelease({
  orgId,
  sentry,
  release,
  isNew,
  severity,
}: {
  orgId: string;
  sentry: SentryClientConfig;
  release: ReleaseDeliverySummary;
  isNew: boolean;
  severity: Awaited<ReturnType<typeof getSeveritySettings>>;
}) {
  const deploys = await listDeploysOfRelease(sentry, release.version);
  await upsertDeploys({
    orgId,
    deploys: deploys.map((d) => ({
      sentryId: d.sentryId,
      version: release.version,
      environment: d.environment,
      projects: release.projects,
      dateStarted: d.dateStarted ? new Date(d.dateStarted) : null,
      dateFinished: new Date(d.dateFinished),
      name: d.name,
      url: d.url,
    })),
  });
  if (!isNew) return;
  if (release.commitCount > 0) {
    const commits = await listReleaseCommits(sentry, release.version);
    await replaceReleaseCommits({
      orgId,
      version: release.version,
      commits: commits.map((c) => ({
        sha: c.id,
        committedAt: c.dateCreated && !Number.isNaN(Date.parse(c.dateCreated)) ? new Date(c.dateCreated) : null,
        authorEmail: c.author?.email ?? null,
      })),
    });
  }
  const quoted = `"${release.version.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const { issues } = await listIssues(sentry, {
    query: `firstRelease:${quoted}`,
    statsPeriod: `${HISTORY_DAYS}d`,
    maxPages: 1,
  });
  for (const issue of issues) {
    if (classifySeverity(severityInputFromIssue(issue), severity).severity !== "critical") continue;
    await recordCriticalIssue({
      orgId,
      issue: {
        id: issue.id,
        shortId: issue.shortId,
        title: issue.title,
        firstSeen: issue.firstSeen,
        projectSlug: issue.project.slug,
        release: release.version,
      },
    });
  }
}
