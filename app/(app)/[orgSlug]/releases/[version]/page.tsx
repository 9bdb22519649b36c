import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { readIssuesFirstSeenIn, loadReleaseDetail, checkReleaseVersion, loadReleasesPage } from "@/lib/features/releases";
import { getRequestId } from "@/lib/platform/observability/request-context";

export default async function ReleaseDetailPage({ params }: { params: Promise<{ orgSlug: string; version: string }> }) {
  const { orgSlug, version: rawVersion } = await params;
  const { org } = await requireOrg(orgSlug);
  const version = decodeURIComponent(rawVersion);
  const requestId = await getRequestId();
  // A version that is not one of the org's releases is a 404 before any per-version read.
  const check = await checkReleaseVersion({ orgId: org.id, version, requestId });
  if (check.kind === "invalid" || check.kind === "unknown") notFound();
  const [list, detail, newIssues] = await Promise.all([loadReleasesPage({ orgId: org.id, requestId }), loadReleaseDetail({ orgId: org.id, version, requestId }), readIssuesFirstSeenIn({ orgId: org.id, version, requestId }).catch(() => [])]);
  const release = list.status === "ok" ? list.releases.find((r) => r.version === version) : undefined;
  if (list.status === "ok" && !release) notFound();
  const points = (detail.series ?? []).filter((p) => p.crashFree !== null) as { ts: string; crashFree: number }[];
  const min = Math.min(99, ...points.map((p) => p.crashFree));
  const y = (v: number) => 120 - ((v - min) / Math.max(0.01, 100 - min)) * 110;
  const done = detail.jiraIssues?.filter((i) => i.statusCategory === "done") ?? [];
  return (
    <>
      <PageHeader
        title={`Release ${version}`}
        description={release ? `Crash-free sessions ${release.crashFreeSessions ?? "—"}%, users ${release.crashFreeUsers ?? "—"}%, adoption ${release.adoptionPercent ?? "—"}%, ${release.totalSessions.toLocaleString("en")} sessions.` : undefined}
        actions={
          <div className="flex items-center gap-3">
            <Link href={`/${org.slug}/releases`} className="text-sm font-medium text-brand-600 hover:underline">
              All releases
            </Link>
            <Link href={`/${org.slug}/releases/${encodeURIComponent(version)}/notes`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
              Release notes
            </Link>
          </div>
        }
      />
      {release?.regression.isRegression && (
        <p role="alert" className="mb-6 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">Regression: {release.regression.reason}</p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Crash-free sessions over time">
          {points.length < 2 ? (
            <p className="text-sm text-slate-500">Not enough session data for a chart.</p>
          ) : (
            <svg viewBox="0 0 600 130" role="img" aria-label={`Crash-free sessions per day, from ${points[0]!.crashFree}% to ${points.at(-1)!.crashFree}%`} className="w-full">
              <polyline fill="none" strokeWidth={2} className="stroke-brand-600" points={points.map((p, i) => `${(i / (points.length - 1)) * 590 + 5},${y(p.crashFree)}`).join(" ")} />
              <text x={5} y={12} className="fill-slate-500 text-[10px]">100%</text>
              <text x={5} y={126} className="fill-slate-500 text-[10px]">{min.toFixed(1)}%</text>
            </svg>
          )}
        </Card>
        <Card title={`Jira fixVersion ${version}`}>
          {detail.jiraIssues === null ? (
            <p className="text-sm text-slate-500">{detail.jiraError}</p>
          ) : detail.jiraIssues.length === 0 ? (
            <p className="text-sm text-slate-500">No Jira issues have this fixVersion.</p>
          ) : (
            <>
              <p className="mb-2 text-sm">
                <strong>{done.length}</strong> of {detail.jiraIssues.length} done
              </p>
              <ul className="space-y-1 text-sm">
                {detail.jiraIssues.map((i) => (
                  <li key={i.key}>
                    <span className="font-mono text-xs">{i.key}</span> {i.summary} <span className={`text-xs ${i.statusCategory === "done" ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-300"}`}>({i.status})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card title={`New issues in ${version} (${newIssues.length})`} className="lg:col-span-2">
          {newIssues.length === 0 ? (
            <p className="text-sm text-slate-500">No unresolved issue was first seen in this release.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {newIssues.map((i) => (
                <li key={i.id}>
                  <span className="font-mono text-xs">{i.shortId}</span> {i.title} <span className="text-xs capitalize text-slate-500">({i.severity}, {i.userCount} users{i.substatus === "regressed" ? ", regressed" : ""})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
