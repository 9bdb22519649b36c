import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Freshness } from "@/components/ui/freshness";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { listTeam } from "@/lib/db/queries/availability";
import { SEVERITY_ORDER, type Severity } from "@/lib/domain/severity";
import { unknownEnvironmentMessage, loadErrorsPage, type ErrorFilters, type Period } from "@/lib/features/errors";
import { getJiraConfig } from "@/lib/integrations/connections";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { readBoards } from "@/lib/integrations/jira/reads";
import { ErrorChart } from "./error-chart";
import { IssuesTable } from "./issues-table";

export const metadata = { title: "Errors" };

const PERIODS: Period[] = ["24h", "7d", "30d"];
const SORTS = { severity: "Severity", users: "Users affected", events: "Events", lastSeen: "Last seen" } as const;
type Params = Record<string, string | undefined>;
/** Issues per page: enough to triage a morning's errors, small enough to render fast on a large org. */
const PAGE_SIZE = 100;

function parseFilters(params: Params): ErrorFilters {
  const period = PERIODS.includes(params.period as Period) ? (params.period as Period) : "7d";
  const severity = SEVERITY_ORDER.includes(params.severity as Severity) ? (params.severity as Severity) : undefined;
  const sort = params.sort && params.sort in SORTS ? (params.sort as ErrorFilters["sort"]) : "severity";
  return { period, severity, sort, environment: params.environment || undefined, project: params.project || undefined, search: params.q || undefined };
}

const select = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900";

export default async function ErrorsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Params> }) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const raw = await searchParams;
  const filters = parseFilters(raw);
  const requestId = await getRequestId();
  const [data, team, jira] = await Promise.all([loadErrorsPage({ orgId: org.id, filters, requestId }), listTeam({ orgId: org.id }), getJiraConfig({ orgId: org.id, requestId })]);
  const jiraProjects = jira ? await readBoards({ orgId: org.id, config: jira }).then((b) => b.value.map((board) => board.projectKey).filter((k): k is string => Boolean(k))).catch(() => []) : [];
  const withParam = (key: string, value: string) => `/${org.slug}/errors?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => Boolean(e[1]))), [key]: value }).toString()}`;

  if (data.status !== "ok") {
    return (
      <>
        <PageHeader title="Errors" description="Sentry error rates, severity and triage." />
        <Card>
          <p className="text-sm" role="status">{data.status === "not-connected" ? "Connect Sentry in Settings → Integrations to see errors." : `Sentry is not answering right now (${data.message}), and nothing is cached yet. Try again in a minute.`}</p>
        </Card>
      </>
    );
  }

  // A page past the end (the filters changed) shows the last one.
  const page = Math.min(Math.max(1, Math.floor(Number(raw.page)) || 1), Math.max(1, Math.ceil(data.issues.length / PAGE_SIZE)));
  return (
    <>
      <PageHeader title="Errors" description="Unresolved Sentry issues by severity, with triage written back to Sentry and tickets filed in Jira." actions={<Freshness fetchedAt={data.fetchedAt} stale={data.stale} error={data.error} now={new Date()} />} />
      <Card title="Error rate" className="mb-6">
        <nav aria-label="Period" className="mb-3 flex gap-1">
          {PERIODS.map((p) => (
            <Link key={p} href={withParam("period", p)} aria-current={p === filters.period ? "page" : undefined} className="rounded-md px-2.5 py-1 text-sm hover:bg-slate-100 aria-[current]:bg-slate-900 aria-[current]:text-white dark:hover:bg-slate-800 dark:aria-[current]:bg-slate-100 dark:aria-[current]:text-slate-900">
              {p}
            </Link>
          ))}
        </nav>
        <ErrorChart series={data.series} projects={data.projects} />
      </Card>
      <Card title={data.reverseLookup ? `Sentry issues linked to ${data.reverseLookup}` : `Issues (${data.issues.length} of ${data.total}${data.isComplete ? "" : "+"})`}>
        {data.ignoredEnvironment && (
          <p role="status" className="mb-3 rounded-md bg-amber-50 px-3 py-1.5 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200">
            {unknownEnvironmentMessage(data.ignoredEnvironment)}
          </p>
        )}
        <form role="search" aria-label="Filter issues" className="mb-4 flex flex-wrap items-end gap-3">
          <input type="hidden" name="period" value={filters.period} />
          <label className="text-sm font-medium">
            Search
            <input name="q" defaultValue={filters.search ?? ""} placeholder="Text, or a Jira key like ACME-123" className={`${select} w-64`} />
          </label>
          <label className="text-sm font-medium">
            Severity
            <select name="severity" defaultValue={filters.severity ?? ""} className={select}>
              <option value="">Any</option>
              {SEVERITY_ORDER.map((s) => (
                <option key={s} value={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Project
            <select name="project" defaultValue={filters.project ?? ""} className={select}>
              <option value="">Any</option>
              {data.projects.map((p) => (
                <option key={p.id} value={p.slug}>{p.slug}</option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Environment
            <select name="environment" defaultValue={data.ignoredEnvironment ? "" : (filters.environment ?? "")} className={select}>
              <option value="">All</option>
              {data.environments.map((name) => (
                <option key={name} value={name}>{name}</option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Sort by
            <select name="sort" defaultValue={filters.sort} className={select}>
              {Object.entries(SORTS).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
        </form>
        {data.issues.length === 0 ? (
          <p className="text-sm text-slate-500">{data.reverseLookup ? `No Sentry issue is linked to ${data.reverseLookup}.` : "No issues match."}</p>
        ) : (
          <>
            <IssuesTable orgSlug={org.slug} issues={data.issues.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)} members={team.map((m) => ({ userId: m.user.id, name: m.user.name }))} jiraProjects={jiraProjects} canTicket={can(role, "tickets:create-from-error")} />
            {data.issues.length > PAGE_SIZE && (
              <nav aria-label="Pages of issues" className="mt-4 flex items-center justify-between text-sm">
                <span className="text-slate-600 dark:text-slate-400">
                  {Math.min((page - 1) * PAGE_SIZE + 1, data.issues.length)}–{Math.min(page * PAGE_SIZE, data.issues.length)} of {data.issues.length}
                </span>
                <span className="flex gap-2">
                  {page > 1 && (
                    <Link href={withParam("page", String(page - 1))} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">
                      Previous
                    </Link>
                  )}
                  {page * PAGE_SIZE < data.issues.length && (
                    <Link href={withParam("page", String(page + 1))} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">
                      Next
                    </Link>
                  )}
                </span>
              </nav>
            )}
          </>
        )}
      </Card>
    </>
  );
}
