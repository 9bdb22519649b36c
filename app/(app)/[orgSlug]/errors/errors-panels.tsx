import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Freshness } from "@/components/ui/freshness";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { SEVERITY_ORDER } from "@/lib/domain/severity";
import { unknownEnvironmentMessage, type ErrorFilters, type ErrorsView, type Period } from "@/lib/features/errors";
import { ErrorChart } from "./error-chart";
import { IssuesTable } from "./issues-table";

/*
 * The errors page's parts that wait on Sentry. Each awaits the one read the
 * page started, so Sentry is asked once however many parts stream.
 */

type View = Promise<ErrorsView>;

export const PERIODS: Period[] = ["24h", "7d", "30d"];
export const SORTS = {
  severity: "Severity",
  users: "Users affected",
  events: "Events",
  lastSeen: "Last seen",
} as const;
/** Issues per page: enough to triage a morning's errors, small enough to render fast on a large org. */
const PAGE_SIZE = 100;
const select =
  "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900";

/** Builds this page's URL with one query parameter changed, keeping the others. */
export type WithParam = (key: string, value: string) => string;

export async function ErrorsDescription({ view }: { view: View }) {
  return (await view).errors.status === "ok"
    ? "Unresolved Sentry issues by severity, with triage written back to Sentry and tickets filed in Jira."
    : "Sentry error rates, severity and triage.";
}

export async function ErrorsFreshness({ view }: { view: View }) {
  const { errors } = await view;
  return errors.status === "ok" ? (
    <Freshness fetchedAt={errors.fetchedAt} stale={errors.stale} error={errors.error} now={new Date()} />
  ) : null;
}

/** The error-rate chart, or why there is nothing to show. */
export async function ErrorRatePanel({
  view,
  period,
  withParam,
}: {
  view: View;
  period: Period;
  withParam: WithParam;
}) {
  const { errors } = await view;
  if (errors.status !== "ok") {
    return (
      <Card>
        <p className="text-sm" role="status">
          {errors.status === "not-connected"
            ? "Connect Sentry in Settings → Integrations to see errors."
            : `Sentry is not answering right now (${errors.message}), and nothing is cached yet. Try again in a minute.`}
        </p>
      </Card>
    );
  }
  return (
    <Card title="Error rate" className="mb-6">
      <nav aria-label="Period" className="mb-3 flex gap-1">
        {PERIODS.map((p) => (
          <Link
            key={p}
            href={withParam("period", p)}
            aria-current={p === period ? "page" : undefined}
            className="rounded-md px-2.5 py-1 text-sm hover:bg-slate-100 aria-[current]:bg-slate-900 aria-[current]:text-white dark:hover:bg-slate-800 dark:aria-[current]:bg-slate-100 dark:aria-[current]:text-slate-900"
          >
            {p}
          </Link>
        ))}
      </nav>
      <ErrorChart series={errors.series} projects={errors.projects} />
    </Card>
  );
}

export async function IssuesPanel({
  view,
  filters,
  rawPage,
  orgSlug,
  canTicket,
  withParam,
}: {
  view: View;
  filters: ErrorFilters;
  rawPage: string | undefined;
  orgSlug: string;
  canTicket: boolean;
  withParam: WithParam;
}) {
  const { errors: data, members, jiraProjects } = await view;
  if (data.status !== "ok") return null;
  // A page past the end (the filters changed) shows the last one.
  const page = Math.min(
    Math.max(1, Math.floor(Number(rawPage)) || 1),
    Math.max(1, Math.ceil(data.issues.length / PAGE_SIZE)),
  );
  return (
    <Card
      title={
        data.reverseLookup
          ? `Sentry issues linked to ${data.reverseLookup}`
          : `Issues (${data.issues.length} of ${data.total}${data.isComplete ? "" : "+"})`
      }
    >
      {data.ignoredEnvironment && (
        <p
          role="status"
          className="mb-3 rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          {unknownEnvironmentMessage(data.ignoredEnvironment)}
        </p>
      )}
      <form role="search" aria-label="Filter issues" className="mb-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="period" value={filters.period} />
        <label className="text-sm font-medium">
          Search
          <input
            name="q"
            defaultValue={filters.search ?? ""}
            placeholder="Text, or a Jira key like ACME-123"
            className={`${select} w-64`}
          />
        </label>
        <label className="text-sm font-medium">
          Severity
          <select name="severity" defaultValue={filters.severity ?? ""} className={select}>
            <option value="">Any</option>
            {SEVERITY_ORDER.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Project
          <select name="project" defaultValue={filters.project ?? ""} className={select}>
            <option value="">Any</option>
            {data.projects.map((p) => (
              <option key={p.id} value={p.slug}>
                {p.slug}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Environment
          <select
            name="environment"
            defaultValue={data.ignoredEnvironment ? "" : (filters.environment ?? "")}
            className={select}
          >
            <option value="">All</option>
            {data.environments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Sort by
          <select name="sort" defaultValue={filters.sort} className={select}>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Apply
        </button>
      </form>
      {data.issues.length === 0 ? (
        <p className="text-sm text-slate-500">
          {data.reverseLookup ? `No Sentry issue is linked to ${data.reverseLookup}.` : "No issues match."}
        </p>
      ) : (
        <>
          <IssuesTable
            orgSlug={orgSlug}
            issues={data.issues.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
            members={members}
            jiraProjects={jiraProjects}
            canTicket={canTicket}
          />
          {data.issues.length > PAGE_SIZE && (
            <nav aria-label="Pages of issues" className="mt-4 flex items-center justify-between text-sm">
              <span className="text-slate-600 dark:text-slate-400">
                {Math.min((page - 1) * PAGE_SIZE + 1, data.issues.length)}–
                {Math.min(page * PAGE_SIZE, data.issues.length)} of {data.issues.length}
              </span>
              <span className="flex gap-2">
                {page > 1 && (
                  <Link
                    href={withParam("page", String(page - 1))}
                    className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
                  >
                    Previous
                  </Link>
                )}
                {page * PAGE_SIZE < data.issues.length && (
                  <Link
                    href={withParam("page", String(page + 1))}
                    className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
                  >
                    Next
                  </Link>
                )}
              </span>
            </nav>
          )}
        </>
      )}
    </Card>
  );
}

/** The period row and a chart-high block, as the error-rate card. */
export function ErrorRateSkeleton() {
  return <PanelSkeleton label="Loading the error rate" rows={7} className="mb-6" />;
}

/** The filter form and rows of the issues table's eight columns. */
export function IssuesSkeleton() {
  return <PanelSkeleton label="Loading issues" rows={10} columns={8} />;
}
