import Link from "next/link";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { summarizeTrend, type SprintRow } from "@/lib/domain/overview";
import type { IdleBoard, OverviewSprints } from "@/lib/features/overview";
import { NoUpstreamData } from "./no-upstream-data";
import { EmptyState, OverviewCard, PanelLink } from "./overview-card";
import { Sparkline } from "./sparkline";

/* "Can each team carry its sprint?": one row per board with a running sprint, the ones over capacity first. */

const TITLE = "Can each team carry its sprint?";
const ID = "overview-sprints";

const points = (value: number) => `${Math.round(value * 10) / 10}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function SprintsPanel({
  orgSlug,
  sprints,
  canManageIntegrations,
  now,
}: {
  orgSlug: string;
  sprints: Promise<OverviewSprints>;
  canManageIntegrations: boolean;
  now: Date;
}) {
  const data = await sprints;
  const sprintsLink = <PanelLink href={`/${orgSlug}/sprints`}>Open Sprints</PanelLink>;
  if (data.status !== "ok") {
    return (
      <OverviewCard id={ID} title={TITLE} now={now}>
        {data.status === "no-boards" ? (
          <EmptyState>The connected Jira site has no scrum boards: create one in Jira to plan sprints here.</EmptyState>
        ) : (
          <NoUpstreamData
            service="Jira"
            status={data.status}
            message={data.status === "unavailable" ? data.message : undefined}
            purpose="to see whether each team can carry its sprint"
            orgSlug={orgSlug}
            canManageIntegrations={canManageIntegrations}
          />
        )}
      </OverviewCard>
    );
  }
  return (
    <OverviewCard id={ID} title={TITLE} freshness={data.freshness} now={now} footer={sprintsLink}>
      {data.rows.length > 0 && (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Running sprints">
          {data.rows.map((row) => (
            <li key={row.boardId} className="py-3 first:pt-0">
              <SprintRowItem orgSlug={orgSlug} row={row} />
            </li>
          ))}
        </ul>
      )}
      {data.idle.length > 0 && (
        <ul className={data.rows.length > 0 ? "mt-3 space-y-1" : "space-y-1"}>
          {data.idle.map((board) => (
            <li key={board.boardId}>
              <EmptyState>
                <IdleBoardText board={board} />
              </EmptyState>
            </li>
          ))}
        </ul>
      )}
    </OverviewCard>
  );
}

function IdleBoardText({ board }: { board: IdleBoard }) {
  switch (board.reason) {
    case "no-active-sprint":
      return <>No active sprint on {board.boardName} — start one in Jira.</>;
    case "no-dates":
      return (
        <>The running sprint on {board.boardName} has no start or end date — set them in Jira to count capacity.</>
      );
    case "unavailable":
      return <>Jira did not answer for {board.boardName}, and nothing is cached yet.</>;
  }
}

function burndownLabel(row: SprintRow): string {
  const trend = summarizeTrend(row.burndown.map((d) => d.remaining));
  if (!trend) return `Burndown of ${row.sprintName}: no days recorded yet.`;
  const guide = row.burndown.at(-1)?.ideal;
  const guideText = guide === null || guide === undefined ? "" : `; the guideline is at ${points(guide)}`;
  return `Burndown of ${row.sprintName} over ${plural(row.burndown.length, "day")}: ${points(trend.first)} points at the start, ${points(trend.last)} left now${guideText}.`;
}

function SprintRowItem({ orgSlug, row }: { orgSlug: string; row: SprintRow }) {
  const guide = row.burndown.every((d) => d.ideal !== null) ? row.burndown.map((d) => d.ideal ?? 0) : undefined;
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
      <div className="min-w-0">
        <Link
          href={`/${orgSlug}/sprints?board=${row.boardId}`}
          className="font-medium text-brand-600 hover:underline dark:text-brand-300"
        >
          {row.boardName}
        </Link>
        <span className="block text-sm text-slate-600 dark:text-slate-400">{row.sprintName}</span>
      </div>
      <dl className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
        <div>
          <dt className="sr-only">Committed against capacity</dt>
          <dd className="tabular-nums">
            <span className={row.isAtRisk ? "font-semibold text-red-700 dark:text-red-300" : "font-semibold"}>
              {points(row.committedPoints)}
            </span>{" "}
            / {points(row.capacityPoints)} pts
            {row.isAtRisk ? (
              <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
                At risk: {points(row.overBy)} over
              </span>
            ) : (
              row.loadPercent !== null && (
                <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">{row.loadPercent}% of capacity</span>
              )
            )}
          </dd>
        </div>
        <div>
          <dt className="sr-only">Time left</dt>
          <dd className="tabular-nums">
            {row.daysLeft === null ? "No end date" : `${plural(row.daysLeft, "day")} left`}
          </dd>
        </div>
        <div>
          <dt className="sr-only">Dependency conflicts</dt>
          <dd
            className={
              row.conflictCount > 0 ? "text-amber-800 dark:text-amber-200" : "text-slate-600 dark:text-slate-400"
            }
          >
            {plural(row.conflictCount, "conflict")}
          </dd>
        </div>
        <div>
          <dt className="sr-only">Burndown</dt>
          <dd>
            <Sparkline values={row.burndown.map((d) => d.remaining)} guide={guide} label={burndownLabel(row)} />
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** Three board rows with four figures each, as the panel shows them. */
export function SprintsPanelSkeleton() {
  return <PanelSkeleton label="Loading sprint capacity" rows={3} columns={4} />;
}
