import "server-only";
import type { ReleaseHealth } from "@/lib/domain/release-health";
import { loadReleaseDetail } from "./detail";
import { checkReleaseVersion } from "./known-versions";
import { loadReleasesPage } from "./load";
import { readIssuesFirstSeenIn } from "./new-issues";
import type { VersionRead } from "./version-read";

export type ReleaseDetail = Awaited<ReturnType<typeof loadReleaseDetail>>;
export type ReleaseNewIssue = Awaited<ReturnType<typeof readIssuesFirstSeenIn>>[number];

/**
 * A release's page. Whether the version exists is settled first (a 404 must
 * come before any of the page is sent); the per-version reads are handed back
 * unawaited so the page can stream each panel as its read arrives.
 */
export type ReleaseDetailPage =
  | { found: false }
  | {
      found: true;
      release: ReleaseHealth | undefined;
      detail: Promise<ReleaseDetail>;
      newIssues: Promise<ReleaseNewIssue[]>;
    };

/** A page always traces its reads under its request. */
export async function loadReleaseDetailPage({
  orgId,
  version,
  requestId,
}: Required<VersionRead>): Promise<ReleaseDetailPage> {
  // A version that is not one of the org's releases is a 404 before any per-version read.
  const check = await checkReleaseVersion({ orgId, version, requestId });
  if (check.kind === "invalid" || check.kind === "unknown") return { found: false };
  // Started beside the release list, as before streaming; a failure still reaches whichever panel awaits it,
  // and the empty handler only keeps it from counting as unhandled while the list is read.
  const detail = loadReleaseDetail({ orgId, version, requestId });
  detail.catch(() => undefined);
  const newIssues = readIssuesFirstSeenIn({ orgId, version, requestId }).catch(() => []);
  const list = await loadReleasesPage({ orgId, requestId });
  const release = list.status === "ok" ? list.releases.find((r) => r.version === version) : undefined;
  if (list.status === "ok" && !release) return { found: false };
  return { found: true, release, detail, newIssues };
}
