import Link from "next/link";
import { BoardNav } from "@/components/ui/board-nav";
import { Card } from "@/components/ui/card";
import { Freshness } from "@/components/ui/freshness";
import { CardsSkeleton, ChartSkeleton, PanelSkeleton } from "@/components/ui/panel-skeleton";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { calendarDaysBetween, formatDay, type DisplayZone } from "@/lib/domain/time";
import type { SprintDashboard } from "@/lib/features/sprints";
import { LoadBars } from "./load-bars";
import { RefreshButton } from "./refresh-button";
import { VelocityChart } from "./velocity-chart";

/*
 * The sprints page's parts that wait on Jira. Each awaits the one dashboard
 * read the page started, so Jira is read once however many parts stream.
 */

type Dashboard = Promise<SprintDashboard>;

function Stat({ label, value, tone = "default" }: { label: string; value: string; tone?: "default" | "warn" }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</p>
      <p
        className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "warn" ? "text-red-600 dark:text-red-400" : ""}`}
      >
        {value}
      </p>
    </div>
  );
}

/** A sprint day in the org's calendar zone ("3 Dec 2026"), or a dash for a date Jira does not have. */
const sprintDay = (iso: string | null, zone: DisplayZone) => (iso ? formatDay(new Date(iso), zone) : "—");

/** "4 days left", "last day" or "ended 2 days ago", counted in calendar days of the org's zone. */
function daysLeft(endIso: string | null, now: Date, zone: DisplayZone): string | null {
  if (!endIso) return null;
  const days = calendarDaysBetween(now, new Date(endIso), zone.id);
  if (days > 1) return `${days} days left`;
  if (days === 1) return "1 day left";
  if (days === 0) return "last day";
  return `ended ${-days} day${days === -1 ? "" : "s"} ago`;
}

type Records = Extract<SprintDashboard, { status: "ok" }>["closeRecords"];
type SnapshotRecord = Records[number]["record"];

const ORIGIN_STYLE: Record<SnapshotRecord["origin"], string> = {
  webhook: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  reconciled: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  observed: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  backfill: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

/** How a snapshot was recorded (at the moment by Jira's webhook, late, backfilled, or first seen on a page), and when. */
function OriginBadge({ record, time }: { record: SnapshotRecord; time: ViewerTime }) {
  return (
    <>
      <span className={`rounded px-1.5 py-0.5 text-xs ${ORIGIN_STYLE[record.origin]}`}>{record.label}</span>
      <span>
        as of <LocalTime at={record.takenAt} time={time} />
      </span>
    </>
  );
}

function SnapshotOrigin({ label, record, time }: { label: string; record: SnapshotRecord | null; time: ViewerTime }) {
  return (
    <p className="mb-3 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      {label}:{" "}
      {record ? (
        <OriginBadge record={record} time={time} />
      ) : (
        <span>not recorded yet (no start snapshot of this sprint)</span>
      )}
    </p>
  );
}

function SprintRecords({ records, time }: { records: Records; time: ViewerTime }) {
  if (records.length === 0) return null;
  return (
    <div className="mt-3 text-xs">
      <h3 id="sprint-records" className="text-slate-600 dark:text-slate-400">
        How each sprint was recorded
      </h3>
      <ul aria-labelledby="sprint-records" className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {records.map(({ sprintId, name, record }) => (
          <li key={sprintId} className="flex flex-wrap items-center gap-1.5">
            <span>{name}</span>
            <OriginBadge record={record} time={time} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export async function SprintsDescription({ dashboard }: { dashboard: Dashboard }) {
  return (await dashboard).status === "ok"
    ? "Capacity, load and dependencies of the active sprint, and velocity over recent sprints."
    : "Sprint capacity and planning for engineering managers.";
}

/** Planning needs a board, so the link appears once the dashboard found one. */
export async function PlanSprintLink({ orgSlug, dashboard }: { orgSlug: string; dashboard: Dashboard }) {
  const data = await dashboard;
  if (data.status !== "ok") return null;
  return (
    <Link
      href={`/${orgSlug}/sprints/plan?board=${data.board.id}`}
      className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
    >
      Plan next sprint
    </Link>
  );
}

export async function SprintsBody({
  orgSlug,
  dashboard,
  time,
}: {
  orgSlug: string;
  dashboard: Dashboard;
  time: ViewerTime;
}) {
  const { now } = time;
  const data = await dashboard;
  if (data.status !== "ok") {
    return (
      <Card>
        <p className="text-sm" role={data.status === "unavailable" ? "status" : undefined}>
          {data.status === "not-connected"
            ? "Connect Jira in Settings → Integrations to see sprint capacity."
            : data.status === "unavailable"
              ? `Jira is not answering right now (${data.message}), and nothing is cached yet. Try again in a minute.`
              : "The connected Jira site has no scrum boards."}
        </p>
      </Card>
    );
  }

  const { board, boards, activeSprint, health, freshness } = data;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <BoardNav boards={boards} current={board.id} path={`/${orgSlug}/sprints`} />
        <div className="flex items-center gap-3">
          <Freshness {...freshness} now={now} />
          <RefreshButton orgSlug={orgSlug} boardId={board.id} />
        </div>
      </div>

      {activeSprint && health ? (
        <div className="grid gap-6 lg:grid-cols-3">
          <Card
            title={`${activeSprint.name} · ${sprintDay(activeSprint.startDate, data.calendarZone)} → ${sprintDay(activeSprint.endDate, data.calendarZone)}`}
            className="lg:col-span-2"
          >
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              {daysLeft(activeSprint.endDate, now, data.calendarZone) ?? "No end date in Jira"}
              <span className="text-xs"> · days in {data.calendarZone.id}</span>
            </p>
            {activeSprint.goal && (
              <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Goal: {activeSprint.goal}</p>
            )}
            <SnapshotOrigin label="Commitment" record={data.startRecord} time={time} />
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label="Capacity" value={`${health.capacityPoints}`} />
              <Stat
                label="Committed"
                value={`${health.committedPoints}`}
                tone={health.isOverCommitted ? "warn" : "default"}
              />
              <Stat label="Completed" value={`${health.completedPoints}`} />
              <Stat label="Remaining" value={`${health.remainingPoints}`} />
            </div>
            {health.isOverCommitted && (
              <p
                role="alert"
                className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
              >
                Over-committed by {health.overCommittedBy} points: the sprint holds more than the team can deliver.
              </p>
            )}
            {health.unestimatedCount > 0 && (
              <p className="mt-2 text-sm text-amber-700 dark:text-amber-300">
                {health.unestimatedCount} issue(s) have no estimate and are not counted.
              </p>
            )}
            <h3 className="mb-3 mt-6 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              Load per person
            </h3>
            <LoadBars people={health.perPerson} />
          </Card>
          <div className="space-y-6">
            <Card title="Scope since the start">
              <p className="text-sm">
                <span className="font-semibold">+{health.scope.addedPoints}</span> points added (
                {health.scope.addedKeys.length} issues),{" "}
                <span className="font-semibold">−{health.scope.removedPoints}</span> removed (
                {health.scope.removedKeys.length})
              </p>
              <p className="mt-2 text-sm">
                Carried over from the previous sprint: <span className="font-semibold">{health.carryover.points}</span>{" "}
                points ({health.carryover.keys.length} issues)
              </p>
            </Card>
            <Card title={`Dependency conflicts (${health.conflicts.length})`}>
              {health.conflicts.length === 0 ? (
                <p className="text-sm text-slate-500 dark:text-slate-400">
                  None: every blocker is done or in this sprint.
                </p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {health.conflicts.map((c) => (
                    <li key={`${c.key}-${c.blockedBy}`}>
                      <span className="font-mono text-xs">{c.key}</span> is blocked by{" "}
                      <span className="font-mono text-xs">{c.blockedBy}</span>
                      <span className="block text-xs text-slate-500 dark:text-slate-400">{c.reason}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </div>
      ) : (
        <Card>
          <p className="text-sm">No sprint is active on {board.name}.</p>
        </Card>
      )}

      <Card title="Velocity" className="mt-6">
        <VelocityChart velocity={data.velocity} />
        <SprintRecords records={data.closeRecords} time={time} />
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
          Focus factor {data.focusFactor.toFixed(2)} points per available person-day;{" "}
          {Math.round(data.interruptRate * 100)}% of points arrive after a sprint starts, so plans keep a{" "}
          {data.suggestedBufferPercent}% buffer.
        </p>
      </Card>
    </>
  );
}

/** The board row, the active sprint (two columns) beside scope and conflicts, then velocity. */
export function SprintsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the sprint dashboard">
      <div aria-hidden="true" className="mb-4 flex items-center justify-between gap-3">
        <div className="h-8 w-72 max-w-full animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" />
        <div className="h-8 w-40 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-3 lg:col-span-2">
          <CardsSkeleton label="Loading the active sprint" count={4} />
          <PanelSkeleton label="Loading the load per person" rows={5} />
        </div>
        <div className="space-y-6">
          <PanelSkeleton label="Loading scope changes" rows={2} />
          <PanelSkeleton label="Loading dependency conflicts" rows={3} />
        </div>
      </div>
      <div className="mt-6">
        <ChartSkeleton label="Loading velocity" />
      </div>
    </div>
  );
}
