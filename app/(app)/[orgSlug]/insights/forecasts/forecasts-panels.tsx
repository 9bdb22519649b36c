import { notFound } from "next/navigation";
import { BoardNav } from "@/components/ui/board-nav";
import type { InsightsBodyProps } from "@/components/insights/body-props";
import { ExportLinks } from "@/components/insights/export-links";
import { ForecastChart } from "@/components/charts/forecast-chart";
import { Card } from "@/components/ui/card";
import { Freshness } from "@/components/ui/freshness";
import { ChartSkeleton, TableSkeleton } from "@/components/ui/panel-skeleton";
import { describeAssumptions } from "@/lib/domain/forecast";
import type { ForecastRow, ForecastsPage } from "@/lib/features/forecasts";
import { ForecastTable, rowId } from "./forecast-table";

type Page = Promise<ForecastsPage>;

export async function ForecastsDescription({ page }: { page: Page }) {
  const data = await page;
  if (data.status !== "ok")
    return "When each open epic and unreleased fixVersion is likely to be done, from the board's past sprints.";
  const { history, board } = data;
  return `When each open epic and unreleased fixVersion of ${board.name} is likely to be done: 10,000 simulated futures drawing from its last ${history.length} closed sprint(s). Remaining work is Jira's today; throughput is Bosun's close snapshots.`;
}

export function ForecastsSkeleton() {
  return (
    <div className="space-y-6">
      <TableSkeleton label="Loading the forecasts" rows={6} columns={6} />
      <ChartSkeleton label="Loading the forecast chart" />
    </div>
  );
}

function Unavailable({ data }: { data: Exclude<ForecastsPage, { status: "ok" }> }) {
  if (data.status === "not-found") notFound();
  const message =
    data.status === "not-connected"
      ? "Connect Jira in Settings → Integrations to forecast epics and releases."
      : data.status === "unavailable"
        ? `Jira is not answering right now (${data.message}), and nothing is cached yet. Try again in a minute.`
        : data.status === "no-boards"
          ? "The connected Jira site has no scrum boards."
          : `The board ${data.board.name} is not tied to one Jira project, so Bosun cannot tell which open work is its.`;
  return <Card.Notice role={data.status === "unavailable" ? "status" : undefined}>{message}</Card.Notice>;
}

/** The page's two forecast tables, each in a section its id links to. */
const FORECAST_TABLES = [
  {
    id: "epics",
    title: "Open epics",
    empty: {
      title: "No epic of this board's project has open work",
      next: "Epics with open issues in the board's project are forecast here; create one in Jira to plan ahead.",
    },
    export: { table: "forecast-epics", label: "epic forecasts" },
  },
  {
    id: "versions",
    title: "Unreleased fixVersions",
    empty: {
      title: "No unreleased fixVersion holds open work of this board's project",
      next: "Set a fixVersion on open issues in Jira and the release is forecast here.",
    },
    export: { table: "forecast-versions", label: "fixVersion forecasts" },
  },
] as const;

export async function ForecastsBody({
  orgSlug,
  page,
  selected,
  now,
  search = {},
}: InsightsBodyProps<ForecastsPage> & { selected: string | null; now: Date }) {
  const data = await page;
  if (data.status !== "ok") return <Unavailable data={data} />;
  const { board, boards, epics, versions, freshness, history } = data;
  const rows = [...epics, ...versions];
  const chosen = rows.find((row) => rowId(row) === selected) ?? rows.find((row) => row.forecast.status === "ok");
  const itemHref = (row: ForecastRow) =>
    `/${orgSlug}/insights/forecasts?board=${board.id}&item=${encodeURIComponent(rowId(row))}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <BoardNav boards={boards} current={board.id} path={`/${orgSlug}/insights/forecasts`} />
        <Freshness {...freshness} now={now} />
      </div>

      {FORECAST_TABLES.map((section) => (
        <section key={section.id} id={section.id} className="scroll-mt-24">
          <Card title={section.title}>
            <ForecastTable
              rows={{ epics, versions }[section.id]}
              itemHref={itemHref}
              table={section.id}
              search={search}
              empty={section.empty}
            />
            <ExportLinks orgSlug={orgSlug} params={{ board: board.id }} {...section.export} />
          </Card>
        </section>
      ))}

      {chosen?.forecast.status === "ok" && (
        <Card title={`Distribution — ${chosen.kind === "epic" ? `${chosen.key} ${chosen.name}` : chosen.name}`}>
          <ForecastChart
            label={`${chosen.kind === "epic" ? "Epic" : "fixVersion"} ${chosen.kind === "epic" ? `${chosen.key} ${chosen.name}` : chosen.name}`}
            bars={chosen.forecast.distribution}
            marks={{
              p50: chosen.forecast.p50.sprints,
              p85: chosen.forecast.p85.sprints,
              p95: chosen.forecast.p95.sprints,
            }}
            trials={chosen.forecast.assumptions.trials}
          />
        </Card>
      )}

      <Card title="What the forecasts assume">
        {chosen?.forecast.status === "ok" ? (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {describeAssumptions(chosen.forecast.assumptions).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">
            {history.length === 0
              ? data.historyFilling
                ? "Filling sprint history from Jira… The board's closed sprints (up to 26) are being recorded; reload in a minute."
                : "No closed sprint of this board has been recorded yet. Bosun records each sprint as it closes."
              : "Nothing on this board can be forecast yet."}
          </p>
        )}
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
          Left out: issues with no epic and no unreleased fixVersion, epics themselves (their children are counted), and
          work in other projects. Each row&apos;s sprint 1 is the current sprint; P85 means 85 of 100 simulated futures
          were done by then. A row counted in issues had open issues without an estimate.
        </p>
      </Card>
    </div>
  );
}
