import Link from "next/link";
import { notFound } from "next/navigation";
import type { InsightsBodyProps } from "@/components/insights/body-props";
import { ExportLinks } from "@/components/insights/export-links";
import { BurnChart } from "@/components/charts/burn-chart";
import { Card } from "@/components/ui/card";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { CardsSkeleton, ChartSkeleton, TableSkeleton } from "@/components/ui/panel-skeleton";
import { TableHead } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { defineSort, parseSort, sortRows } from "@/lib/domain/tables/sort";
import { CARRYOVER_REASON_LABELS } from "@/lib/domain/sprint-report";
import { REPORT_TIME_ZONE, type SprintReportPage } from "@/lib/features/sprint-reports";
import { day, percent, points } from "../../format";

type Page = Promise<SprintReportPage>;

export async function SprintReportDescription({ page }: { page: Page }) {
  const data = await page;
  if (data.status !== "ok") return "One sprint's burndown, scope change, carryover and planning accuracy.";
  const { sprint, board } = data;
  const when =
    sprint.state === "active"
      ? `running since ${day(sprint.startDate)}: the report so far`
      : `${day(sprint.startDate)} to ${day(sprint.completeDate)}`;
  return `${sprint.name} on ${board.name}, ${when}. From Bosun's sprint snapshots and the scope changes recorded from Jira.`;
}

export function SprintReportSkeleton() {
  return (
    <div className="space-y-6">
      <CardsSkeleton label="Loading the sprint's figures" count={4} />
      <ChartSkeleton label="Loading the burndown" />
      <TableSkeleton label="Loading the carryover" rows={4} columns={5} />
    </div>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className="text-xs text-slate-600 dark:text-slate-300">{note}</dd>}
    </div>
  );
}

/** Carryover in the order the report lists it by default; points sort largest first. */
const CARRYOVER_SORT = defineSort({
  keys: ["listed", "issue", "type", "status", "points", "reason"],
  default: { key: "listed", dir: "asc" },
  firstDir: { points: "desc" },
});

export async function SprintReportBody({ orgSlug, page, search = {} }: InsightsBodyProps<SprintReportPage>) {
  const data = await page;
  if (data.status !== "ok") notFound();
  const { board, sprint, history } = data;
  const { report } = sprint;
  const { figures, planning, capacity, burn } = report;
  const params = { board: board.id, sprint: sprint.sprintId };
  const running = sprint.state === "active";
  const carryoverOrder = parseSort(CARRYOVER_SORT, search);
  const listed = new Map(report.carryover.map((item, index) => [item.key, index]));

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/${orgSlug}/insights/sprints?board=${board.id}`} className="underline hover:no-underline">
          ← All sprints of {board.name}
        </Link>
      </p>

      {burn.basis === "backfilled" && (
        <Card.Notice>
          Backfilled from issues — no scope changes known. Bosun did not see this sprint start, so its issues at the
          close stand for the commitment and each burns on the day it was resolved.
        </Card.Notice>
      )}

      <Card title={running ? "So far" : "Committed vs completed"}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Figure
            label="Committed"
            value={`${points(figures.committedPoints)} pts`}
            note={`${figures.committedIssues} issue(s)${burn.doneAtStart ? `; ${burn.doneAtStart} already done at the start left out` : ""}`}
          />
          <Figure
            label={running ? "Completed so far" : "Completed"}
            value={`${points(figures.completedPoints)} pts`}
            note={`${figures.completedIssues} issue(s)`}
          />
          <Figure
            label="Scope added / removed"
            value={
              burn.basis === "tracked"
                ? `+${points(figures.addedPoints)} / −${points(figures.removedPoints)}`
                : "unknown"
            }
            note={
              burn.basis === "tracked"
                ? `re-estimates ${figures.reestimatedPoints >= 0 ? "+" : ""}${points(figures.reestimatedPoints)} pts; interrupt rate ${percent(figures.interruptRate)}`
                : "backfilled: no scope change known"
            }
          />
          <Figure
            label={running ? "Not done yet" : "Carryover"}
            value={`${points(figures.carryoverPoints)} pts`}
            note={`${figures.carryoverIssues} issue(s)`}
          />
        </dl>
      </Card>

      <Card title="Burndown and burnup">
        <BurnChart days={burn.days} label={`${sprint.name} burndown and burnup`} timeZone={REPORT_TIME_ZONE} />
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
          Work burns on the day it reaches done. Scope added or removed and estimates changed after the start move the
          scope line; the start is not adjusted. The guideline runs from the commitment to 0 at the planned end (
          {day(sprint.endDate)}), flat over weekends. The lines run to {running ? "today" : "the actual close"}.
          {burn.unplacedChanges > 0 &&
            ` ${burn.unplacedChanges} change(s) seen only at the close (a webhook Bosun did not receive) are placed on the last day.`}
        </p>
        <ExportLinks orgSlug={orgSlug} table="sprint-report-days" params={params} label="daily burndown and burnup" />
      </Card>

      <Card title="Planning and capacity accuracy">
        <DataTable
          head={
            <TableHead
              columns={["Measure", "This sprint", `Median of ${history.sprints} earlier sprint(s)`, "What it is"]}
            />
          }
        >
          <TableRow>
            <th scope="row" className="py-2 pr-4 text-left font-medium">
              Planning accuracy
            </th>
            <td className="py-2 pr-4 tabular-nums">
              {percent(planning.points)} ({points(planning.completedCommittedPoints)} of{" "}
              {points(planning.committedPoints)} pts; {planning.completedCommittedIssues} of {planning.committedIssues}{" "}
              issues)
            </td>
            <td className="py-2 pr-4 tabular-nums">{percent(history.planningAccuracy.median)}</td>
            <td className="py-2 pr-4 text-sm">
              Committed work completed ÷ committed at the start (additions left out). Below 70% suggests
              over-commitment, above 95% under-commitment.
            </td>
          </TableRow>
          <TableRow>
            <th scope="row" className="py-2 pr-4 text-left font-medium">
              Capacity accuracy
            </th>
            <td className="py-2 pr-4 tabular-nums">
              {capacity.known
                ? `${percent(capacity.ratio)} (${points(capacity.completedPoints)} of ${points(capacity.plannedCapacity)} pts)`
                : `unknown: ${capacity.reason}`}
            </td>
            <td className="py-2 pr-4 tabular-nums">
              {percent(history.capacityAccuracy.median)}
              {history.capacityAccuracy.sprintsWithCapacity < history.sprints &&
                ` (${history.capacityAccuracy.sprintsWithCapacity} with a recorded capacity)`}
            </td>
            <td className="py-2 pr-4 text-sm">
              Everything completed ÷ the team&apos;s capacity recorded when the sprint started (when Jira&apos;s webhook
              said so, else the first time the Sprints page saw it running). 90–110% is typical.
            </td>
          </TableRow>
          <TableRow>
            <th scope="row" className="py-2 pr-4 text-left font-medium">
              Velocity
            </th>
            <td className="py-2 pr-4 tabular-nums">{points(history.velocity.sprint)} pts</td>
            <td className="py-2 pr-4 tabular-nums">
              {history.velocity.median === null ? "—" : `${points(history.velocity.median)} pts`}
            </td>
            <td className="py-2 pr-4 text-sm">Points completed in the sprint.</td>
          </TableRow>
        </DataTable>
      </Card>

      <Card title={running ? "Not done yet" : "Carryover"}>
        {report.carryover.length === 0 ? (
          <EmptyState title={running ? "Everything in the sprint is done" : "Nothing carried over"}>
            {running
              ? "Issues not done yet would be listed here with why they are open."
              : "Every committed issue was done by the close; nothing moves to the next sprint."}
          </EmptyState>
        ) : (
          <DataTable
            head={
              <TableHead
                columns={[
                  { label: "Issue", sort: "issue" },
                  { label: "Type", sort: "type" },
                  { label: "Status", sort: "status" },
                  { label: "Points", sort: "points" },
                  { label: "Reason", sort: "reason" },
                ]}
                sorting={{ spec: CARRYOVER_SORT, order: carryoverOrder, params: search }}
              />
            }
          >
            {sortRows(report.carryover, carryoverOrder, {
              listed: (item) => listed.get(item.key),
              issue: (item) => item.key,
              type: (item) => item.issueType,
              status: (item) => item.status,
              points: (item) => item.points,
              reason: (item) => CARRYOVER_REASON_LABELS[item.reason],
            }).map((item) => (
              <TableRow key={item.key}>
                <td className="py-2 pr-4 font-medium">{item.key}</td>
                <td className="py-2 pr-4">{item.issueType ?? "—"}</td>
                <td className="py-2 pr-4">{item.status ?? "not recorded"}</td>
                <td className="py-2 pr-4 tabular-nums">{item.points ?? "—"}</td>
                <td className="py-2 pr-4">{CARRYOVER_REASON_LABELS[item.reason]}</td>
              </TableRow>
            ))}
          </DataTable>
        )}
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
          Reasons from the status{" "}
          {running
            ? sprint.statusesReadAt
              ? `Jira gave on ${day(sprint.statusesReadAt)}`
              : "at the start"
            : "at the close"}
          : not started (a to-do status), in review (a status named like review, QA or testing), blocked (blocked by an
          issue not done; Jira&apos;s Flagged field is not read), else in progress. Snapshots taken before Bosun kept
          status names show the category only.
        </p>
        <ExportLinks orgSlug={orgSlug} table="sprint-carryover" params={params} label="carryover" />
      </Card>
    </div>
  );
}
