import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Card } from "@/components/ui/card";
import type { InvestigationReport } from "@/lib/features/investigation";

const day = (time: number) => new Date(time).toISOString().slice(5, 10);
const hour = (time: number) => `${new Date(time).toISOString().slice(11, 13)}:00`;
const count = (value: number) => Math.round(value).toLocaleString("en");

export function IssueSummary({ report, stale }: { report: InvestigationReport; stale: boolean }) {
  const { issue, latestEvent } = report;
  const facts: [string, string][] = [
    ["Project", issue.projectSlug],
    ["Level", issue.level],
    ["Status", issue.status],
    ["Events", count(issue.eventCount)],
    ["Users", count(issue.userCount)],
    [
      "First seen",
      `${issue.firstSeen.slice(0, 16).replace("T", " ")} in ${issue.firstRelease ?? "an unknown release"}`,
    ],
    ["Last seen", `${issue.lastSeen.slice(0, 16).replace("T", " ")} in ${issue.lastRelease ?? "an unknown release"}`],
    ["Latest event", latestEvent ? `${latestEvent.eventId} (${latestEvent.environment ?? "no environment"})` : "none"],
  ];
  return (
    <Card>
      <h2 className="text-lg font-semibold">
        <span className="font-mono">{issue.shortId}</span> {issue.title}
      </h2>
      <p className="mt-1 font-mono text-sm text-slate-600 dark:text-slate-400">{issue.culprit || "no culprit"}</p>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm">
        {issue.permalink && (
          <a href={issue.permalink} className="font-medium text-brand-600 hover:underline dark:text-brand-300">
            Open in Sentry
          </a>
        )}
        {stale && (
          <span className="ml-3 text-amber-700 dark:text-amber-400">Sentry did not answer; showing older data.</span>
        )}
      </p>
    </Card>
  );
}

export function ActivitySection({ report }: { report: InvestigationReport }) {
  const charts = [
    {
      caption: "Events per hour, last 24 hours",
      label: "Events per hour",
      points: report.events.last24h,
      formatTime: hour,
      unit: "events",
      timeTitle: "hour (UTC)",
    },
    {
      caption: "Events per day, last 30 days",
      label: "Events per day",
      points: report.events.last30d,
      formatTime: day,
      unit: "events",
      timeTitle: "day (UTC, month-day)",
    },
    {
      caption: "Users per day, from the latest 100 events",
      label: "Users per day",
      // Counted from the issue's events, so missing when Sentry did not list them.
      points: report.users,
      formatTime: day,
      unit: "users",
      timeTitle: "day (UTC, month-day)",
    },
  ];
  return (
    <Card title="Events and users over time">
      <div className="grid gap-6 lg:grid-cols-3">
        {charts.map(({ caption, points, ...chart }) => (
          <figure key={caption}>
            <figcaption className="mb-2 text-sm font-medium">{caption}</figcaption>
            {points ? (
              <TimeSeriesChart
                {...chart}
                points={points.map((p) => ({ time: Date.parse(p.at), value: p.count }))}
                formatValue={count}
              />
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">Sentry did not list the issue&apos;s events.</p>
            )}
          </figure>
        ))}
      </div>
    </Card>
  );
}
