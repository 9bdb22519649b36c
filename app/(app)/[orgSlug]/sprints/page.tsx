import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Freshness } from "@/components/ui/freshness";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { loadSprintDashboard } from "@/lib/features/sprints";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { LoadBars } from "./load-bars";
import { RefreshButton } from "./refresh-button";
import { VelocityChart } from "./velocity-chart";

export const metadata = { title: "Sprints" };

function Stat({ label, value, tone = "default" }: { label: string; value: string; tone?: "default" | "warn" }) {
  return (
    <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <p className="text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "warn" ? "text-red-600" : ""}`}>{value}</p>
    </div>
  );
}

const shortDate = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export default async function SprintsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ board?: string }> }) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const boardParam = Number((await searchParams).board);
  const now = new Date();
  const data = await loadSprintDashboard({ orgId: org.id, boardId: Number.isInteger(boardParam) ? boardParam : undefined, now, requestId: await getRequestId() });
  const links = (
    <div className="flex items-center gap-3">
      <Link href={`/${org.slug}/sprints/availability`} className="text-sm font-medium text-brand-600 hover:underline">
        Availability
      </Link>
      {can(role, "tickets:create") && (
        <Link href={`/${org.slug}/tickets/new`} className="text-sm font-medium text-brand-600 hover:underline">
          New feature
        </Link>
      )}
      {data.status === "ok" && can(role, "sprints:plan") && (
        <Link href={`/${org.slug}/sprints/plan?board=${data.board.id}`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Plan next sprint
        </Link>
      )}
    </div>
  );

  if (data.status !== "ok") {
    return (
      <>
        <PageHeader title="Sprints" description="Sprint capacity and planning for engineering managers." actions={links} />
        <Card>
          <p className="text-sm" role={data.status === "unavailable" ? "status" : undefined}>
            {data.status === "not-connected"
              ? "Connect Jira in Settings → Integrations to see sprint capacity."
              : data.status === "unavailable"
                ? `Jira is not answering right now (${data.message}), and nothing is cached yet. Try again in a minute.`
                : "The connected Jira site has no scrum boards."}
          </p>
        </Card>
      </>
    );
  }

  const { board, boards, activeSprint, health, freshness } = data;
  return (
    <>
      <PageHeader title="Sprints" description="Capacity, load and dependencies of the active sprint, and velocity over recent sprints." actions={links} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Boards" className="flex flex-wrap gap-1">
          {boards.map((b) => (
            <Link key={b.id} href={`/${org.slug}/sprints?board=${b.id}`} aria-current={b.id === board.id ? "page" : undefined} className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-100 aria-[current]:bg-slate-900 aria-[current]:text-white dark:hover:bg-slate-800 dark:aria-[current]:bg-slate-100 dark:aria-[current]:text-slate-900">
              {b.name}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3">
          <Freshness {...freshness} now={now} />
          <RefreshButton orgSlug={org.slug} boardId={board.id} />
        </div>
      </div>

      {activeSprint && health ? (
        <div className="grid gap-6 lg:grid-cols-3">
          <Card title={`${activeSprint.name} · ${shortDate(activeSprint.startDate)} → ${shortDate(activeSprint.endDate)}`} className="lg:col-span-2">
            {activeSprint.goal && <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Goal: {activeSprint.goal}</p>}
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label="Capacity" value={`${health.capacityPoints}`} />
              <Stat label="Committed" value={`${health.committedPoints}`} tone={health.isOverCommitted ? "warn" : "default"} />
              <Stat label="Completed" value={`${health.completedPoints}`} />
              <Stat label="Remaining" value={`${health.remainingPoints}`} />
            </div>
            {health.isOverCommitted && (
              <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
                Over-committed by {health.overCommittedBy} points: the sprint holds more than the team can deliver.
              </p>
            )}
            {health.unestimatedCount > 0 && <p className="mt-2 text-sm text-amber-700 dark:text-amber-300">{health.unestimatedCount} issue(s) have no estimate and are not counted.</p>}
            <h3 className="mb-3 mt-6 text-sm font-semibold uppercase tracking-wide text-slate-500">Load per person</h3>
            <LoadBars people={health.perPerson} />
          </Card>
          <div className="space-y-6">
            <Card title="Scope since the start">
              <p className="text-sm">
                <span className="font-semibold">+{health.scope.addedPoints}</span> points added ({health.scope.addedKeys.length} issues),{" "}
                <span className="font-semibold">−{health.scope.removedPoints}</span> removed ({health.scope.removedKeys.length})
              </p>
              <p className="mt-2 text-sm">
                Carried over from the previous sprint: <span className="font-semibold">{health.carryover.points}</span> points ({health.carryover.keys.length} issues)
              </p>
            </Card>
            <Card title={`Dependency conflicts (${health.conflicts.length})`}>
              {health.conflicts.length === 0 ? (
                <p className="text-sm text-slate-500">None: every blocker is done or in this sprint.</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {health.conflicts.map((c) => (
                    <li key={`${c.key}-${c.blockedBy}`}>
                      <span className="font-mono text-xs">{c.key}</span> is blocked by <span className="font-mono text-xs">{c.blockedBy}</span>
                      <span className="block text-xs text-slate-500">{c.reason}</span>
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
        <p className="mt-3 text-xs text-slate-500">
          Focus factor {data.focusFactor.toFixed(2)} points per available person-day; {Math.round(data.interruptRate * 100)}% of points arrive after a sprint starts, so plans keep a {data.suggestedBufferPercent}% buffer.
        </p>
      </Card>
    </>
  );
}
