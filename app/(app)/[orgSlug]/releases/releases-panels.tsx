import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Freshness } from "@/components/ui/freshness";
import { TableSkeleton } from "@/components/ui/panel-skeleton";
import { CheckboxField, SelectField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type Column, TableHead } from "@/components/ui/table-head";
import { compareVersions, type ReleaseHealth } from "@/lib/domain/release-health";
import { defineSort, sortRows, type SortOrder } from "@/lib/domain/tables/sort";
import { UTC_ZONE } from "@/lib/domain/time";
import { explainUpstreamErrorText } from "@/lib/domain/upstream-messages";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import type { ReleasesPage } from "@/lib/features/releases";
import type { ReleaseScorecards } from "@/lib/features/performance";
import { HealthFlags, MetricCell } from "./release-row-cells";

/*
 * The releases page's parts that wait on Sentry. Each awaits the one read the
 * page started, so Sentry is asked once however many parts stream.
 */

type Releases = Promise<ReleasesPage>;

/** Header sort keys; "newest" is Sentry's order (newest release first), the others read a column. */
export const RELEASE_SORT = defineSort({
  keys: ["newest", "version", "crashFree", "crashFreeUsers", "adoption", "sessions", "newIssues"],
  default: { key: "newest", dir: "desc" },
  // Crash-free figures start worst first; counts start largest first.
  firstDir: { version: "desc", adoption: "desc", sessions: "desc", newIssues: "desc" },
});
const SORT_OPTIONS = [
  { value: "newest", label: "Newest" },
  { value: "crashFree", label: "Crash-free sessions" },
  { value: "adoption", label: "Adoption" },
  { value: "version", label: "Version" },
];
const COLUMNS: Column[] = [
  { label: "Release", sort: "version" },
  { label: "Crash-free sessions", sort: "crashFree" },
  { label: "Crash-free users", sort: "crashFreeUsers" },
  { label: "Adoption", sort: "adoption" },
  { label: "Sessions", sort: "sessions" },
  { label: "New issues", sort: "newIssues" },
  "p75 LCP",
  "p95 API latency",
  "Feedback",
  "Health",
];

/** The value each sort key reads; `loaded` is the release's place in Sentry's newest-first list. */
const sortValue = (loaded: Map<string, number>) => ({
  newest: (r: ReleaseHealth) => -(loaded.get(r.version) ?? 0),
  version: (r: ReleaseHealth) => r.version,
  crashFree: (r: ReleaseHealth) => r.crashFreeSessions,
  crashFreeUsers: (r: ReleaseHealth) => r.crashFreeUsers,
  adoption: (r: ReleaseHealth) => r.adoptionPercent,
  sessions: (r: ReleaseHealth) => r.totalSessions,
  newIssues: (r: ReleaseHealth) => r.newIssues,
});

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
  order,
  params = {},
  time = { zone: UTC_ZONE, now: new Date() },
  regressions,
  openGates,
}: {
  orgSlug: string;
  releases: Releases;
  scorecards: Promise<ReleaseScorecards>;
  order: SortOrder<(typeof RELEASE_SORT.keys)[number]>;
  /** The page's search params, which the sortable headers keep. */
  params?: Record<string, string | undefined>;
  time?: ViewerTime;
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
          : `Sentry could not be read, and nothing is cached yet. ${explainUpstreamErrorText(data.message, {}, "sentry") ?? `(${data.message})`}`}
      </Card.Notice>
    );
  }
  const byVersion = new Map(scored.scorecards.map((s) => [s.version, s]));
  const isFlagged = (r: ReleaseHealth) => byVersion.get(r.version)?.isRegression ?? r.regression.isRegression;
  const loaded = new Map(data.releases.map((r, index) => [r.version, index]));
  const filtered = data.releases.filter((r) => !regressions || isFlagged(r));
  // Versions compare as versions (2.10 after 2.9), not as text.
  const rows =
    order.key === "version"
      ? [...filtered].sort((a, b) => (order.dir === "asc" ? -1 : 1) * compareVersions(b.version, a.version))
      : sortRows(filtered, order, sortValue(loaded));
  return (
    <Card>
      <form className="mb-4 flex flex-wrap items-end gap-3">
        <SelectField label="Sort by" name="sort" defaultValue={order.key} options={SORT_OPTIONS} />
        <CheckboxField name="regressions" value="1" defaultChecked={Boolean(regressions)}>
          Only regressions
        </CheckboxField>
        <SubmitButton>Apply</SubmitButton>
      </form>
      {scored.error && (
        <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-200">
          {scored.stale
            ? `Performance and feedback figures are from an earlier read. ${explainUpstreamErrorText(scored.error, {}, "sentry") ?? `Sentry did not answer (${scored.error}).`}`
            : `Performance and feedback figures are unavailable. ${explainUpstreamErrorText(scored.error, {}, "sentry") ?? `(${scored.error})`}`}
        </p>
      )}
      {rows.length === 0 ? (
        regressions ? (
          <EmptyState title="No regressions" action={{ href: `/${orgSlug}/releases`, label: "Show every release" }}>
            No release is flagged for a crash-free or performance regression against the release before it.
          </EmptyState>
        ) : (
          <EmptyState
            title="No releases yet"
            action={{ href: `/${orgSlug}/settings/integrations`, label: "Check the Sentry connection" }}
          >
            Sentry releases appear here when you deploy with a release name (the SDK&apos;s <code>release</code> option
            or <code>sentry-cli releases new</code>).
          </EmptyState>
        )
      ) : (
        <DataTable head={<TableHead columns={COLUMNS} tight sorting={{ spec: RELEASE_SORT, order, params }} />}>
          {rows.map((r) => (
            <tr key={r.version} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-2 pr-3">
                <Link
                  href={`/${orgSlug}/releases/${encodeURIComponent(r.version)}`}
                  className="font-mono font-medium text-brand-600 hover:underline dark:text-brand-300"
                >
                  {r.version}
                </Link>
                {gated.has(r.version) && (
                  <span className="ml-2 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-300">
                    Rollback recommended
                  </span>
                )}
                {r.dateReleased && (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    <LocalTime at={r.dateReleased} time={time} />
                  </span>
                )}
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
      )}
    </Card>
  );
}

/** The sort form's row and rows of the table's ten columns. */
export function ReleasesSkeleton() {
  return <TableSkeleton label="Loading releases" rows={9} columns={10} />;
}
