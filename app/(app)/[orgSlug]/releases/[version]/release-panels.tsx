import { CrashFreeChart } from "@/components/charts/crash-free-chart";
import { Card } from "@/components/ui/card";
import { ChartSkeleton, PanelSkeleton, TableSkeleton } from "@/components/ui/panel-skeleton";
import type { ReleaseDetail, ReleaseNewIssue } from "@/lib/features/releases";
import { explainUpstreamErrorText } from "@/lib/domain/upstream-messages";

/* A release page's panels that wait on Sentry and Jira; each streams in when its read arrives. */

export async function CrashFreeChartPanel({ detail }: { detail: Promise<ReleaseDetail> }) {
  const { series } = await detail;
  return (
    <Card title="Crash-free sessions over time">
      <CrashFreeChart series={series ?? []} />
    </Card>
  );
}

export async function FixVersionPanel({ version, detail }: { version: string; detail: Promise<ReleaseDetail> }) {
  const { jiraIssues, jiraError } = await detail;
  const done = jiraIssues?.filter((i) => i.statusCategory === "done") ?? [];
  return (
    <Card title={`Jira fixVersion ${version}`}>
      {jiraIssues === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {jiraError && (explainUpstreamErrorText(jiraError, {}, "jira") ?? jiraError)}
        </p>
      ) : jiraIssues.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No Jira issues have this fixVersion.</p>
      ) : (
        <>
          <p className="mb-2 text-sm">
            <strong>{done.length}</strong> of {jiraIssues.length} done
          </p>
          <ul className="space-y-1 text-sm">
            {jiraIssues.map((i) => (
              <li key={i.key}>
                <span className="font-mono text-xs">{i.key}</span> {i.summary}{" "}
                <span
                  className={`text-xs ${i.statusCategory === "done" ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-300"}`}
                >
                  ({i.status})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

export async function NewIssuesPanel({
  version,
  newIssues,
}: {
  version: string;
  newIssues: Promise<ReleaseNewIssue[]>;
}) {
  const issues = await newIssues;
  return (
    <Card title={`New issues in ${version} (${issues.length})`} className="lg:col-span-2">
      {issues.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No unresolved issue was first seen in this release.
        </p>
      ) : (
        <ul className="space-y-1 text-sm">
          {issues.map((i) => (
            <li key={i.id}>
              <span className="font-mono text-xs">{i.shortId}</span> {i.title}{" "}
              <span className="text-xs capitalize text-slate-500 dark:text-slate-400">
                ({i.severity}, {i.userCount} users{i.substatus === "regressed" ? ", regressed" : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** A chart-high card. */
export const CrashFreeChartSkeleton = () => <ChartSkeleton label="Loading crash-free sessions" />;
/** A count line and a short list of issues. */
export const FixVersionSkeleton = () => <PanelSkeleton label="Loading the Jira fixVersion" rows={6} />;
/** A full-width list of issues. */
export const NewIssuesSkeleton = () => (
  <div className="lg:col-span-2">
    <TableSkeleton label="Loading new issues" rows={4} columns={4} />
  </div>
);
