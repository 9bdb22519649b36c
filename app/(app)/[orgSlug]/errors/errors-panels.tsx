import Link from "next/link";
import { Card } from "@/components/ui/card";
import { FIELD_CLASS, InputField, SelectField } from "@/components/ui/form-field";
import { Freshness } from "@/components/ui/freshness";
import { LinkTabs } from "@/components/ui/link-tabs";
import { ChartSkeleton, TableSkeleton } from "@/components/ui/panel-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { defineSort, type SortOrder } from "@/lib/domain/tables/sort";
import { SubmitButton } from "@/components/ui/submit-button";
import { SEVERITY_ORDER } from "@/lib/domain/severity";
import { unknownEnvironmentMessage, type ErrorFilters, type ErrorsView, type Period } from "@/lib/features/errors";
import { ErrorChart } from "./error-chart";
import { IssuesTable } from "./issues-table";
import { IssuesTableHead } from "./issues-table-head";
import { StatusNotice } from "@/components/ui/status-notice";

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
const SORT_OPTIONS = Object.entries(SORTS).map(([value, label]) => ({ value, label }));

/** The issues table's header sorts by the same keys; each starts most urgent first. */
export const ISSUE_SORT = defineSort({
  keys: Object.keys(SORTS) as (keyof typeof SORTS)[],
  default: { key: "severity", dir: "desc" },
  firstDir: { users: "desc", events: "desc", lastSeen: "desc" },
});

/** Builds this page's URL with one query parameter changed, keeping the others. */
export type WithParam = (key: string, value: string) => string;

export async function ErrorsDescription({ view }: { view: View }) {
  return (await view).errors.status === "ok"
    ? "Unresolved Sentry issues by severity, with triage written back to Sentry and tickets filed in Jira."
    : "Sentry error rates, severity and triage.";
}

export async function ErrorsFreshness({ view }: { view: View }) {
  const { errors } = await view;
  return errors.status === "ok" ? <Freshness {...errors} now={new Date()} /> : null;
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
      <Card.Notice role="status">
        {errors.status === "not-connected"
          ? "Connect Sentry in Settings → Integrations to see errors."
          : `Sentry is not answering right now (${errors.message}), and nothing is cached yet. Try again in a minute.`}
      </Card.Notice>
    );
  }
  return (
    <Card title="Error rate" className="mb-6">
      <LinkTabs
        label="Period"
        look="segmented"
        className="mb-3 flex gap-1"
        tabs={PERIODS.map((p) => ({ href: withParam("period", p), label: p, current: p === period }))}
      />
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
  params,
  time,
}: {
  view: View;
  filters: ErrorFilters;
  rawPage: string | undefined;
  orgSlug: string;
  canTicket: boolean;
  withParam: WithParam;
  /** The page's search params, which the sortable headers keep. */
  params: Record<string, string | undefined>;
  time: ViewerTime;
}) {
  const { errors: data, members, jiraProjects } = await view;
  if (data.status !== "ok") return null;
  // A page past the end (the filters changed) shows the last one.
  const page = Math.min(
    Math.max(1, Math.floor(Number(rawPage)) || 1),
    Math.max(1, Math.ceil(data.issues.length / PAGE_SIZE)),
  );
  const shown = data.issues.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Card
      title={
        data.reverseLookup
          ? `Sentry issues linked to ${data.reverseLookup}`
          : `Issues (${data.issues.length} of ${data.total}${data.isComplete ? "" : "+"})`
      }
    >
      {data.ignoredEnvironment && (
        <StatusNotice className="mb-3">{unknownEnvironmentMessage(data.ignoredEnvironment)}</StatusNotice>
      )}
      <form role="search" aria-label="Filter issues" className="mb-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="period" value={filters.period} />
        <InputField
          label="Search"
          name="q"
          defaultValue={filters.search ?? ""}
          placeholder="Text, or a Jira key like ACME-123"
          className={`${FIELD_CLASS} w-64`}
        />
        <SelectField
          label="Severity"
          name="severity"
          defaultValue={filters.severity ?? ""}
          blank="Any"
          options={SEVERITY_ORDER}
        />
        <SelectField
          label="Project"
          name="project"
          defaultValue={filters.project ?? ""}
          blank="Any"
          options={data.projects.map((p) => p.slug)}
        />
        <SelectField
          label="Environment"
          name="environment"
          defaultValue={data.ignoredEnvironment ? "" : (filters.environment ?? "")}
          blank="All"
          options={data.environments}
        />
        <SelectField label="Sort by" name="sort" defaultValue={filters.sort} options={SORT_OPTIONS} />
        <SubmitButton>Apply</SubmitButton>
      </form>
      {data.issues.length === 0 ? (
        <EmptyState
          title={
            data.reverseLookup ? `No Sentry issue is linked to ${data.reverseLookup}` : "No unresolved issues match"
          }
          action={
            data.total > 0
              ? { href: `/${orgSlug}/errors?period=${filters.period}`, label: "Clear the filters" }
              : undefined
          }
        >
          {data.reverseLookup
            ? "Link one by filing a ticket from an issue here, or check the key's spelling."
            : data.total > 0
              ? "Try another severity, project or environment, or a shorter search."
              : "Sentry has no unresolved issues for this period. New errors appear here as your apps report them."}
        </EmptyState>
      ) : (
        <>
          <IssuesTable
            orgSlug={orgSlug}
            issues={shown}
            members={members}
            jiraProjects={jiraProjects}
            canTicket={canTicket}
            head={
              <IssuesTableHead
                sorting={{
                  spec: ISSUE_SORT,
                  order: { key: filters.sort, dir: filters.dir ?? "desc" } satisfies SortOrder,
                  params,
                }}
              />
            }
            times={Object.fromEntries(
              shown.map((issue) => [
                issue.id,
                {
                  firstSeen: <LocalTime at={issue.firstSeen} time={time} />,
                  lastSeen: <LocalTime at={issue.lastSeen} time={time} stacked />,
                },
              ]),
            )}
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
  return (
    <div className="mb-6">
      <ChartSkeleton label="Loading the error rate" />
    </div>
  );
}

/** The filter form and rows of the issues table's eight columns. */
export function IssuesSkeleton() {
  return <TableSkeleton label="Loading issues" rows={10} columns={8} />;
}
