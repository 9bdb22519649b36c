import "server-only";
import { getOrgSlug } from "@/lib/db/queries/notifications";
import { releaseRegressionNotices } from "@/lib/domain/notifications";
import type { ScorecardCheck } from "@/lib/features/performance";
import { notify } from "./notify";

/**
 * "A release regressed (crash-free or performance)": to the org's managers and everyone watching the release, once
 * per release and kind, from the scorecards the periodic release check has just read.
 */
export async function notifyReleaseRegressions({
  orgId,
  scorecards,
  now = new Date(),
}: ScorecardCheck): Promise<{ notified: number }> {
  const notices = releaseRegressionNotices(scorecards, now);
  if (notices.length === 0) return { notified: 0 };
  const slug = await getOrgSlug({ orgId });
  if (!slug) return { notified: 0 };
  let notified = 0;
  for (const notice of notices) {
    const sent = await notify({
      orgId,
      event: "release_regression",
      recipients: { roles: ["manager"], watchersOf: [{ targetType: "release", targetId: notice.version }] },
      title: notice.title,
      body: notice.body,
      link: `/${slug}/releases/${encodeURIComponent(notice.version)}`,
      dedupeKey: notice.dedupeKey,
    });
    notified += sent.notified;
  }
  return { notified };
}
