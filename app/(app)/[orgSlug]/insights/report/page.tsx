import { PageHeader } from "@/components/ui/page-header";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PrintButton } from "@/components/insights/print-button";
import { ReportTable } from "@/components/insights/report-table";
import { requireOrg } from "@/lib/platform/auth/org";
import { loadInsightsReport } from "@/lib/features/insights";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Insights report" };

type Params = { board?: string; days?: string; environment?: string };

const MISSING: Record<string, string> = {
  "dora-summary": "Delivery (DORA): no delivery history yet — open the Delivery tab once to fill it from Sentry.",
  "sprint-trends": "Sprint trends: no board with recorded sprints yet.",
  "quality-sprints": "Quality per sprint: Jira has not been read yet.",
  "quality-releases": "Quality per release: Jira has not been read yet.",
  "forecast-epics": "Forecasts of epics: open the Forecasts tab once so Bosun reads the board's open work.",
  "forecast-versions": "Forecasts of fixVersions: open the Forecasts tab once so Bosun reads the board's open work.",
};

/** Everything Insights knows for one board and window, on one page, laid out to print (or save as PDF). */
export default async function InsightsReportPage({ params, searchParams }: OrgSearchPageProps<Params>) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  const query = await searchParams;
  const report = await loadInsightsReport({ orgId: org.id, orgSlug: org.slug, query });
  const href = (changes: Params) => {
    const next = new URLSearchParams({
      days: String(report.days),
      environment: report.environment,
      ...(report.board ? { board: String(report.board.id) } : {}),
      ...changes,
    });
    return `/${org.slug}/insights/report?${next.toString()}`;
  };
  const generated = new Date().toISOString().slice(0, 16).replace("T", " ");
  return (
    <>
      <PageHeader
        title={`Delivery report — ${org.name}`}
        description={`Last ${report.days} days, ${report.environment}${report.board ? `, board ${report.board.name}` : ""}. Generated ${generated} UTC from Bosun's stored history.`}
        actions={<PrintButton />}
      />
      <div className="mb-6 flex flex-wrap gap-4 print:hidden">
        <LinkTabs
          label="Window"
          look="segmented"
          className="flex gap-1"
          tabs={[30, 90, 180].map((days) => ({
            href: href({ days: String(days) }),
            label: `${days} days`,
            current: days === report.days,
          }))}
        />
        {report.boards.length > 1 ? (
          <LinkTabs
            label="Board"
            look="segmented"
            className="flex flex-wrap gap-1"
            tabs={report.boards.map((board) => ({
              href: href({ board: String(board.id) }),
              label: board.name,
              current: board.id === report.board?.id,
            }))}
          />
        ) : null}
      </div>
      {report.tables.map((table) => (
        <ReportTable key={table.id} table={table} />
      ))}
      {report.missing.length > 0 ? (
        <section aria-labelledby="report-missing" className="mb-8">
          <h2 id="report-missing" className="mb-2 text-lg font-semibold">
            Not in this report
          </h2>
          <ul className="list-disc pl-5 text-sm text-slate-600 dark:text-slate-300">
            {report.missing.map((id) => (
              <li key={id}>{MISSING[id] ?? id}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
