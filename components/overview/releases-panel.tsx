import Link from "next/link";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import type { CrashFreeFigure, ReleaseSummary } from "@/lib/domain/overview";
import type { OverviewReleases } from "@/lib/features/overview";
import { NoUpstreamDataCard } from "./no-upstream-data-card";
import { EmptyState, OverviewCard, PanelLink } from "./overview-card";
import type { OverviewPanelProps } from "./panel-props";

/* "How are the latest releases doing?": the newest releases' crash-free figures, regressions flagged. */

const CARD = { id: "overview-releases", title: "How are the latest releases doing?" };

const percent = (value: number | null) => (value === null ? "—" : `${value.toFixed(2)}%`);
const change = (figure: CrashFreeFigure) =>
  figure.change === null ? null : `${figure.change < 0 ? "−" : "+"}${Math.abs(figure.change).toFixed(2)} pts`;

const TREND_TEXT = {
  better: "text-emerald-700 dark:text-emerald-300",
  worse: "text-red-700 dark:text-red-300",
  unchanged: "text-slate-600 dark:text-slate-400",
} as const;

export async function ReleasesPanel({
  releases,
  ...panel
}: OverviewPanelProps & { releases: Promise<OverviewReleases> }) {
  const { orgSlug, now } = panel;
  const data = await releases;
  if (data.status !== "ok") {
    return <NoUpstreamDataCard {...CARD} upstream={data} service="Sentry" purpose="to see release health" {...panel} />;
  }
  const releasesLink = <PanelLink href={`/${orgSlug}/releases`}>See all releases</PanelLink>;
  return (
    <OverviewCard {...CARD} freshness={data.freshness} now={now} footer={releasesLink}>
      {data.partialError && (
        <p role="status" className="mb-3 text-sm text-amber-800 dark:text-amber-200">
          Some figures are unknown: Sentry could not be read ({data.partialError}).
        </p>
      )}
      {data.releases.length === 0 ? (
        <EmptyState>
          Sentry has no releases yet: send a release with your events (the SDK&apos;s <code>release</code> option) to
          see each one&apos;s health here.
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-3" aria-label="Latest releases">
          {data.releases.map((release) => (
            <li key={release.version}>
              <ReleaseItem orgSlug={orgSlug} release={release} />
            </li>
          ))}
        </ul>
      )}
    </OverviewCard>
  );
}

function Figure({ label, figure }: { label: string; figure: CrashFreeFigure }) {
  const delta = change(figure);
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="tabular-nums">
        <span className="font-semibold">{percent(figure.value)}</span>
        {delta && (
          <span className={`ml-1.5 text-xs ${figure.trend ? TREND_TEXT[figure.trend] : ""}`}>
            {delta}
            {figure.trend === "worse" && <span className="sr-only"> (worse)</span>}
            {figure.trend === "better" && <span className="sr-only"> (better)</span>}
          </span>
        )}
      </dd>
    </div>
  );
}

function ReleaseItem({ orgSlug, release }: { orgSlug: string; release: ReleaseSummary }) {
  return (
    <article
      className={`h-full rounded-lg border p-3 ${release.isRegression ? "border-red-300 dark:border-red-800" : "border-slate-200 dark:border-slate-700"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link
          href={`/${orgSlug}/releases/${encodeURIComponent(release.version)}`}
          className="font-medium text-brand-600 hover:underline dark:text-brand-300"
        >
          {release.version}
        </Link>
        {release.isRegression ? (
          <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
            Regression
          </span>
        ) : (
          <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            Healthy
          </span>
        )}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {release.dateReleased ? `Released ${release.dateReleased.slice(0, 10)}` : "Not released yet"}
        {release.comparedTo && ` · vs ${release.comparedTo}`}
      </p>
      <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
        <Figure label="Crash-free sessions" figure={release.crashFreeSessions} />
        <Figure label="Crash-free users" figure={release.crashFreeUsers} />
      </dl>
      {release.isRegression && release.reasons.length > 0 && (
        <ul className="mt-2 space-y-0.5 text-xs text-red-800 dark:text-red-200">
          {release.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** Three release cards, each a version line and two figures. */
export function ReleasesPanelSkeleton() {
  return <PanelSkeleton label="Loading the latest releases" rows={3} columns={3} />;
}
