import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import { classifySeverity, severityInputFromIssue, type Severity } from "@/lib/domain/severity";
import { getSeveritySettings } from "@/lib/features/errors";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listIssues, type SentryIssueSummary } from "@/lib/integrations/sentry";
import { checkReleaseVersion } from "./known-versions";
import type { VersionRead } from "./version-read";

/**
 * Unresolved issues first seen in a release, with their severity class.
 * Sentry's issue list does not carry `firstRelease` (only an issue's detail
 * does), so the release is asked for in the search query rather than filtered
 * for afterwards. Cached under the errors page's prefix, so its refresh clears it.
 */
export async function readIssuesFirstSeenIn({
  orgId,
  version,
  requestId,
}: VersionRead): Promise<(SentryIssueSummary & { severity: Severity })[]> {
  const sentry = await getSentryConfig({ orgId, requestId });
  if (!sentry) return [];
  // Only a version in the org's release lists gets its own cache entry and Sentry search.
  if ((await checkReleaseVersion({ orgId, version, requestId })).kind !== "known") return [];
  const quoted = `"${version.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const [read, settings] = await Promise.all([
    readThrough({
      orgId,
      key: `sentry:issues:first-release:${version}`,
      ttlMs: 2 * 60_000,
      load: () => listIssues(sentry, { query: `is:unresolved firstRelease:${quoted}`, statsPeriod: "14d" }),
    }),
    getSeveritySettings({ orgId }),
  ]);
  return read.value.issues.map((issue) => ({
    ...issue,
    severity: classifySeverity(severityInputFromIssue(issue), settings).severity,
  }));
}
