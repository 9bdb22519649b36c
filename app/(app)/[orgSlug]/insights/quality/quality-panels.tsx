import { notFound } from "next/navigation";
import { BoardNav } from "@/components/ui/board-nav";
import type { InsightsBodyProps } from "@/components/insights/body-props";
import { ExportLinks } from "@/components/insights/export-links";
import { QualityTrendChart } from "@/components/charts/quality-trend-chart";
import { Card } from "@/components/ui/card";
import { Freshness } from "@/components/ui/freshness";
import { ChartSkeleton, TableSkeleton } from "@/components/ui/panel-skeleton";
import { QUALITY_NOTES, QUALITY_WINDOW_DAYS, type QualityPage, type SourceRead } from "@/lib/features/quality";
import { QualityTable } from "./quality-table";

type Page = Promise<QualityPage>;

export async function QualityDescription({ page }: { page: Page }) {
  const data = await page;
  const board = data.status === "ok" && data.board ? ` Sprints are ${data.board.name}'s.` : "";
  return `Bugs filed and resolved, defects that escaped to production, and how fast they are fixed, per sprint and per release over the last ${QUALITY_WINDOW_DAYS} days.${board}`;
}

export function QualitySkeleton() {
  return (
    <div className="space-y-6">
      <ChartSkeleton label="Loading the quality trend" />
      <TableSkeleton label="Loading quality per sprint" rows={6} columns={8} />
      <TableSkeleton label="Loading quality per release" rows={4} columns={7} />
    </div>
  );
}

function SourceNotice({ service, read }: { service: "Jira" | "Sentry"; read: SourceRead }) {
  if (read.status === "ok") return null;
  const figures = service === "Jira" ? "bug counts and sprints" : "open Critical issues and first-seen times";
  return (
    <Card.Notice role="status">
      {read.status === "not-connected"
        ? `${service} is not connected, so the ${figures} are left out. An admin can connect it in Settings → Integrations.`
        : `${service} is not answering (${read.message}) and nothing is cached, so the ${figures} are left out.`}
    </Card.Notice>
  );
}

const hours = (value: number | null) =>
  value === null ? "—" : value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} d`;

function Stat({ label, value, source }: { label: string; value: string; source: string }) {
  return (
    <div>
      <p className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-300">{label}</p>
      <p className="text-2xl font-semibold">{value}</p>
      <p className="text-xs text-slate-600 dark:text-slate-300">{source}</p>
    </div>
  );
}

export async function QualityBody({ orgSlug, page, now, search = {} }: InsightsBodyProps<QualityPage> & { now: Date }) {
  const data = await page;
  if (data.status === "not-found") notFound();
  const { boards, board, quality, jira, sentry } = data;
  const { critical, overall } = quality;
  const trend = [...quality.sprints].reverse().map((row) => ({
    label: row.label,
    filed: row.bugsCreated,
    resolved: row.bugsResolved,
    escaped: row.escapedDefects,
  }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <BoardNav boards={boards} current={board?.id} path={`/${orgSlug}/insights/quality`} />
        {jira.status === "ok" && <Freshness {...jira} now={now} />}
      </div>
      <SourceNotice service="Jira" read={jira} />
      <SourceNotice service="Sentry" read={sentry} />

      <Card>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat
            label="Open Critical issues"
            value={critical ? String(critical.open) : "—"}
            source="Sentry, by the org's severity rules"
          />
          <Stat
            label="Their mean age"
            value={critical?.meanAgeDays == null ? "—" : `${critical.meanAgeDays.toFixed(1)} d`}
            source="since Sentry first saw them"
          />
          <Stat
            label="First seen → ticket"
            value={hours(overall.firstSeenToTicketHours)}
            source={`median of ${overall.firstSeenToTicketCount} linked issue(s)`}
          />
          <Stat
            label="Ticket → fix"
            value={hours(overall.ticketToFixHours)}
            source={`median of ${overall.ticketToFixCount} fixed of ${overall.escapedDefects} linked`}
          />
        </div>
      </Card>

      <Card title={`Trend per sprint${board ? ` — ${board.name}` : ""}`}>
        <QualityTrendChart label="Bugs filed, resolved and escaped per sprint" points={trend} />
      </Card>

      <section id="sprints" className="scroll-mt-24">
        <Card title="Per sprint">
          <QualityTable
            rows={quality.sprints}
            table="sprints"
            search={search}
            showBugShare
            empty="Bosun has recorded no closed sprint of this board in the window."
          />
          <ExportLinks
            orgSlug={orgSlug}
            table="quality-sprints"
            params={{ board: board?.id }}
            label="quality per sprint"
          />
        </Card>
      </section>

      <section id="releases" className="scroll-mt-24">
        <Card title="Per release">
          <QualityTable
            rows={quality.releases}
            table="releases"
            search={search}
            showBugShare={false}
            empty="Bosun has recorded no production deploy in the window, so there are no release windows."
          />
          <ExportLinks orgSlug={orgSlug} table="quality-releases" label="quality per release" />
        </Card>
      </section>

      <Card title="Where the figures come from">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {QUALITY_NOTES.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
