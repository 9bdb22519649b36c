import Link from "next/link";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { summarizeTrend } from "@/lib/domain/overview";
import { investigationPath } from "@/lib/features/investigation";
import type { BreakingIssue, OverviewIssues } from "@/lib/features/overview";
import { NoUpstreamDataCard } from "./no-upstream-data-card";
import { EmptyState, OverviewCard, PanelLink } from "./overview-card";
import type { OverviewPanelProps } from "./panel-props";
import { Sparkline } from "./sparkline";

/* "What is breaking?": the Critical and regressed Sentry issues, each linked to its investigation report. */

const CARD = { id: "overview-issues", title: "What is breaking?" };

const count = new Intl.NumberFormat("en-US");

const SEVERITY_BADGE = {
  critical: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200",
  high: "bg-orange-50 text-orange-800 dark:bg-orange-950 dark:text-orange-200",
  medium: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  low: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
} as const;

export async function IssuesPanel({ issues, ...panel }: OverviewPanelProps & { issues: Promise<OverviewIssues> }) {
  const { orgSlug, now } = panel;
  const data = await issues;
  if (data.status !== "ok") {
    return (
      <NoUpstreamDataCard {...CARD} upstream={data} service="Sentry" purpose="to see what is breaking" {...panel} />
    );
  }
  const more = data.total - data.issues.length;
  const errorsLink = (
    <PanelLink href={`/${orgSlug}/errors`}>
      {more > 0 ? `See all errors (${more} more Critical or regressed)` : "See all errors"}
    </PanelLink>
  );
  return (
    <OverviewCard {...CARD} freshness={data.freshness} now={now} footer={errorsLink}>
      {data.issues.length === 0 ? (
        <EmptyState>
          Nothing is breaking: no Critical or regressed issue in Sentry. Watch a project on the Errors page to hear
          about new ones.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Critical and regressed issues">
          {data.issues.map((issue) => (
            <li key={issue.id} className="py-3 first:pt-0">
              <IssueItem orgSlug={orgSlug} issue={issue} />
            </li>
          ))}
        </ul>
      )}
    </OverviewCard>
  );
}

function trendLabel(issue: BreakingIssue, trend: number[]): string {
  const summary = summarizeTrend(trend)!;
  const total = trend.reduce((sum, n) => sum + n, 0);
  return `Events per hour of ${issue.shortId} over the last 24 hours: ${count.format(total)} in all, at most ${count.format(summary.peak)} in an hour, ${count.format(summary.last)} in the latest hour (${summary.direction}).`;
}

function IssueItem({ orgSlug, issue }: { orgSlug: string; issue: BreakingIssue }) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-xs">
          <span className={`rounded px-1.5 py-0.5 font-medium capitalize ${SEVERITY_BADGE[issue.severity]}`}>
            {issue.severity}
          </span>
          {issue.isRegressed && (
            <span className="rounded bg-purple-50 px-1.5 py-0.5 font-medium text-purple-800 dark:bg-purple-950 dark:text-purple-200">
              Regressed
            </span>
          )}
          <span className="font-mono text-slate-600 dark:text-slate-400">{issue.shortId}</span>
        </p>
        <Link
          href={investigationPath(orgSlug, issue.id)}
          className="mt-1 block truncate font-medium text-brand-600 hover:underline dark:text-brand-300"
        >
          {issue.title}
        </Link>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {issue.projectSlug} · {count.format(issue.userCount)} {issue.userCount === 1 ? "user" : "users"} ·{" "}
          {count.format(issue.eventCount)} {issue.eventCount === 1 ? "event" : "events"}
        </p>
      </div>
      {issue.trend && <Sparkline values={issue.trend} label={trendLabel(issue, issue.trend)} width={96} />}
    </div>
  );
}

/** Five issue rows: badges and title beside a trend. */
export function IssuesPanelSkeleton() {
  return <PanelSkeleton label="Loading what is breaking" rows={5} columns={2} />;
}
