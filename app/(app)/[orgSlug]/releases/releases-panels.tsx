import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Freshness } from "@/components/ui/freshness";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { CheckboxField, SelectField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TableHead } from "@/components/ui/table-head";
import { compareVersions, type ReleaseHealth } from "@/lib/domain/release-health";
import type { ReleasesPage } from "@/lib/features/releases";
import type { ReleaseScorecards } from "@/lib/features/performance";
import { HealthFlags, MetricCell } from "./release-row-cells";

/*
 * The releases page's parts that wait on Sentry. Each awaits the one read the
 * page started, so Sentry is asked once however many parts stream.
 */

type Releases = Promise<ReleasesPage>;

const SORTS: Record<string, { label: string; compare: (a: ReleaseHealth, b: ReleaseHealth) => number }> = {
  newest: { label: "Newest", compare: () => 0 },
  crashFree: {
    label: "Crash-free sessions",
    compare: (a, b) => (a.crashFreeSessions ?? 101) - (b.crashFreeSessions ?? 101),
  },
  adoption: { label: "Adoption", compare: (a, b) => (b.adoptionPercent ?? -1) - (a.adoptionPercent ?? -1) },
  version: { label: "Version", compare: (a, b) => compareVersions(b.version, a.version) },
};
const SORT_OPTIONS = Object.entries(SORTS).map(([value, { label }]) => ({ value, label }));
const COLUMNS = [
  "Release",
  "Crash-free sessions",
  "Crash-free users",
  "Adoption",
  "Sessions",
  "New issues",
  "p75 LCP",
  "p95 API latency",
  "Feedback",
  "Health",
];

const pct = (value: number | null) => (value === null ? "—" : `${value.toFixed(2)}%`);

export async function ReleasesDescription({ releases }: { releases: Releases }) {
  return (await releases).status === "ok"
    ? "Crash-free sessions and users, adoption, new issues, web vitals, API latency and user feedback per release, each against the release before it, with crash-free and performance regressions flagged."
    : "Release health from Sentry.";
}

export async function ReleasesFreshness({ releases }: { releases: Releases }) {
  const data = await releases;
  return data.status === "ok" ? <Freshness {...data} now={new Date()} /> : null;
}

export async function ReleasesPanel({
  orgSlug,
  releases,
  scorecards,
  sort,
  regressions,
  openGates,
}: {
  orgSlug: string;
  releases: Releases;
  scorecards: Promise<ReleaseScorecards>;
  sort: string;
  regressions: string | undefined;
  /** Releases with a rollback waiting for a manager's decision. */
  openGates?: Promise<Set<string>>;
}) {
  const [data, scored, gated] = await Promise.all([releases, scorecards, openGates ?? new Set<string>()]);
  if (data.status !== "ok") {
    return (
      <Card.Notice role="status">
        {data.status === "not-connected"
          ? "Connect Sentry in Settings → Integrations to see release health."
          : `Sentry is not answering right now (${data.message}), and nothing is cached yet.`}
      </Card.Notice>
    );
  }
  const order = SORTS[sort] ?? SORTS.newest!;
  const byVersion = new Map(scored.scorecards.map((s) => [s.version, s]));
  const isFlagged = (r: ReleaseHealth) => byVersion.get(r.version)?.isRegression ?? r.regression.isRegression;
  const rows = [...data.releases].filter((r) => !regressions || isFlagged(r)).sort(order.compare);
  return (
    <Card>
      <form className="mb-4 flex flex-wrap items-end gap-3">
        <SelectField label="Sort by" name="sort" defaultValue={sort} options={SORT_OPTIONS} />
        <CheckboxField name="regressions" value="1" defaultChecked={Boolean(regressions)}>
          Only regressions
        </CheckboxField>
        <SubmitButton>Apply</SubmitButton>
      </form>
      {scored.error && (
        <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-200">
          {scored.stale
            ? `Sentry did not answer (${scored.error}); performance and feedback figures are from an earlier read.`
            : `Performance and feedback figures are unavailable (${scored.error}).`}
        </p>
      )}
      <DataTable head={<TableHead columns={COLUMNS} tight />}>
        {rows.map((r) => (
          <tr key={r.version} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-2 pr-3">
              <Link
                href={`/${orgSlug}/releases/${encodeURIComponent(r.version)}`}
                className="font-mono font-medium text-brand-600 hover:underline"
              >
                {r.version}
              </Link>
              {gated.has(r.version) && (
                <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-300">
                  Rollback recommended
                </span>
              )}
              <span className="block text-xs text-slate-500 dark:text-slate-400">{r.dateReleased?.slice(0, 10)}</span>
            </td>
            <td className="py-2 pr-3 tabular-nums">{pct(r.crashFreeSessions)}</td>
            <td className="py-2 pr-3 tabular-nums">{pct(r.crashFreeUsers)}</td>
            <td className="py-2 pr-3 tabular-nums">{r.adoptionPercent === null ? "—" : `${r.adoptionPercent}%`}</td>
            <td className="py-2 pr-3 tabular-nums">{r.totalSessions.toLocaleString("en")}</td>
            <td className="py-2 pr-3 tabular-nums">{r.newIssues}</td>
            <MetricCell scorecard={byVersion.get(r.version)} metric="lcpP75" />
            <MetricCell scorecard={byVersion.get(r.version)} metric="apiP95" />
            <MetricCell scorecard={byVersion.get(r.version)} metric="feedbackCount" />
            <td className="py-2">
              <HealthFlags release={r} scorecard={byVersion.get(r.version)} />
            </td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}

/** The sort form's row and rows of the table's ten columns. */
export function ReleasesSkeleton() {
  return <PanelSkeleton label="Loading releases" title={false} rows={9} columns={10} />;
}
