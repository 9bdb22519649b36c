import Link from "next/link";
import { notFound } from "next/navigation";
import type { ComponentProps, ReactNode } from "react";
import { BoardNav } from "@/components/ui/board-nav";
import type { InsightsBodyProps } from "@/components/insights/body-props";
import { ExportLinks } from "@/components/insights/export-links";
import { SprintTrendChart } from "@/components/charts/sprint-trend-chart";
import { Card } from "@/components/ui/card";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { ChartSkeleton, TableSkeleton } from "@/components/ui/panel-skeleton";
import { defineSort, parseSort, sortRows } from "@/lib/domain/tables/sort";
import { TableHead } from "@/components/ui/table-head";
import type { SprintTrendsPage } from "@/lib/features/sprint-reports";
import { day, percent, points } from "./format";

type Page = Promise<SprintTrendsPage>;

export async function SprintTrendsDescription({ page }: { page: Page }) {
  const data = await page;
  const board = data.status === "ok" && data.board ? ` of ${data.board.name}` : "";
  return `How the sprints${board} went: what was committed and completed, how accurate the plan was, how much came in after the start and what carried over. From the sprint snapshots and scope changes Bosun records, up to 26 closed sprints.`;
}

export function SprintTrendsSkeleton() {
  return (
    <div className="space-y-6">
      <ChartSkeleton label="Loading the sprint trends" />
      <TableSkeleton label="Loading the sprints" rows={6} columns={8} />
    </div>
  );
}

/** Newest first by default (the running sprint on top); each figure sorts largest first on its first click. */
const SPRINT_SORT = defineSort({
  keys: ["started", "sprint", "committed", "completed", "accuracy", "interrupt", "carryover"],
  default: { key: "started", dir: "desc" },
  firstDir: { committed: "desc", completed: "desc", accuracy: "desc", interrupt: "desc", carryover: "desc" },
});

type Trends = Extract<SprintTrendsPage, { status: "ok" }>["trends"];

/** The trend charts, each in a card titled `card`, with a `note` under the chart where it needs explaining. */
function trendCharts(trends: Trends): (ComponentProps<typeof SprintTrendChart> & { card: string; note?: ReactNode })[] {
  const bars = (value: (row: Trends["rows"][number]) => number | null) =>
    trends.rows.map((row) => ({ label: row.name, value: value(row) }));
  return [
    {
      card: "Velocity",
      title: "Completed points",
      unit: "points",
      bars: bars((r) => r.completedPoints),
      median: trends.medianVelocity,
      formatValue: points,
    },
    {
      card: "Planning accuracy",
      title: "Planning accuracy",
      unit: "%",
      bars: bars((r) => r.planningAccuracy),
      median: trends.medianPlanningAccuracy,
      formatValue: percent,
      missing: "had no commitment",
    },
    {
      card: "Interrupt rate",
      title: "Interrupt rate",
      unit: "%",
      bars: bars((r) => r.interruptRate),
      median: trends.interruptRate,
      formatValue: percent,
      missing: "backfilled (additions unknown)",
      referenceLabel: "Over the tracked sprints",
      note: (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
          Points added after the start ÷ points committed. Only sprints whose start Bosun recorded know their additions:{" "}
          {trends.backfilledSprints} backfilled sprint(s) are left out; the line is the rate over the{" "}
          {trends.trackedSprints} tracked sprint(s).
        </p>
      ),
    },
    {
      card: "Carryover",
      title: "Carryover points",
      unit: "points",
      bars: bars((r) => r.carryoverPoints),
      median: null,
      formatValue: points,
    },
  ];
}

export async function SprintTrendsBody({ orgSlug, page, search = {} }: InsightsBodyProps<SprintTrendsPage>) {
  const data = await page;
  if (data.status !== "ok") notFound();
  const { boards, board, history, sprints, trends } = data;
  const closed = sprints.filter((s) => s.state === "closed");
  const active = sprints.find((s) => s.state === "active");
  const sprintOrder = parseSort(SPRINT_SORT, search);
  const newestFirst = [...(active ? [active] : []), ...[...closed].reverse()];
  const position = new Map(newestFirst.map((s, index) => [s.sprintId, index]));
  const sprintRows = sortRows(newestFirst, sprintOrder, {
    started: (s) => -(position.get(s.sprintId) ?? 0),
    sprint: (s) => s.name,
    committed: (s) => s.report.figures.committedPoints,
    completed: (s) => s.report.figures.completedPoints,
    accuracy: (s) => s.report.planning.points,
    interrupt: (s) => s.report.figures.interruptRate,
    carryover: (s) => s.report.figures.carryoverPoints,
  });

  return (
    <div className="space-y-6">
      {boards.length > 0 && <BoardNav boards={boards} current={board?.id} path={`/${orgSlug}/insights/sprints`} />}

      {history.filling && (
        <Card.Notice role="status">
          Filling sprint history from Jira… Bosun reads up to 26 closed sprints per board once, in the background;
          reload in a minute.
        </Card.Notice>
      )}

      {!history.connected && (
        <Card.Notice>Connect Jira in Settings → Integrations to see how your sprints went.</Card.Notice>
      )}

      {board && closed.length === 0 && !history.filling && (
        <Card.Notice>Bosun has no closed sprint of {board.name} yet.</Card.Notice>
      )}

      {closed.length > 0 && (
        <div className="grid gap-6 xl:grid-cols-2">
          {trendCharts(trends).map(({ card, note, ...chart }) => (
            <Card key={card} title={card}>
              <SprintTrendChart {...chart} />
              {note}
            </Card>
          ))}
        </div>
      )}

      {board && sprints.length > 0 && (
        <Card title="Sprints">
          <DataTable
            head={
              <TableHead
                columns={[
                  { label: "Sprint", sort: "sprint" },
                  { label: "Dates", sort: "started" },
                  "Basis",
                  { label: "Committed", sort: "committed" },
                  { label: "Completed", sort: "completed" },
                  { label: "Planning accuracy", sort: "accuracy" },
                  { label: "Interrupt rate", sort: "interrupt" },
                  { label: "Carryover", sort: "carryover" },
                ]}
                sorting={{ spec: SPRINT_SORT, order: sprintOrder, params: search }}
              />
            }
          >
            {sprintRows.map((s) => (
              <TableRow key={s.sprintId}>
                <td className="py-2 pr-4">
                  <Link
                    href={`/${orgSlug}/insights/sprints/${board.id}/${s.sprintId}`}
                    className="font-medium underline hover:no-underline"
                  >
                    {s.name}
                  </Link>
                  {s.state === "active" && <span className="ml-2 text-xs">(running: report so far)</span>}
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {day(s.startDate)} → {day(s.completeDate ?? s.endDate)}
                </td>
                <td className="py-2 pr-4">{s.report.burn.basis}</td>
                <td className="py-2 pr-4 tabular-nums">{points(s.report.figures.committedPoints)}</td>
                <td className="py-2 pr-4 tabular-nums">{points(s.report.figures.completedPoints)}</td>
                <td className="py-2 pr-4 tabular-nums">{percent(s.report.planning.points)}</td>
                <td className="py-2 pr-4 tabular-nums">{percent(s.report.figures.interruptRate)}</td>
                <td className="py-2 pr-4 tabular-nums">
                  {s.report.figures.carryoverIssues} ({points(s.report.figures.carryoverPoints)} pts)
                </td>
              </TableRow>
            ))}
          </DataTable>
          <ExportLinks orgSlug={orgSlug} table="sprint-trends" params={{ board: board.id }} label="sprint trends" />
        </Card>
      )}

      <Card title="Where these numbers come from">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            Committed: the sprint&apos;s start snapshot (taken when Jira says it started, or when Bosun first saw it
            running). Completed: issues done by the close, at their points then.
          </li>
          <li>
            Tracked sprints place every addition, removal, re-estimate and completion on its day, from Jira&apos;s
            webhooks. Backfilled sprints (closed before Bosun saw them start) take their issues at the close as the
            commitment and burn each on its resolution day: no scope change is known, so they have no interrupt rate,
            and their planning accuracy is measured against those issues.
          </li>
          <li>Planning accuracy: committed work completed ÷ committed (points at their start estimate).</li>
          <li>Days are UTC days: Bosun keeps no time zone per organisation yet.</li>
          {history.completedAt && (
            <li>
              History read from Jira on {day(history.completedAt)}
              {history.reachedBack ? `, back to sprints starting ${day(history.reachedBack)}` : ""}.
            </li>
          )}
        </ul>
      </Card>
    </div>
  );
}
