import { ExportLinks } from "@/components/insights/export-links";
import { Card } from "@/components/ui/card";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { TableSkeleton } from "@/components/ui/panel-skeleton";
import { TableHead } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { parseSort, sortRows, type SortSpec } from "@/lib/domain/tables/sort";
import { UTC_ZONE } from "@/lib/domain/time";
import { DEPLOY_SORT, FAILURE_SORT, LEAD_TIME_SORT, PROJECT_SORT } from "./dora-sorts";
import { DORA_THRESHOLDS_SOURCE, type FailureKind } from "@/lib/domain/dora";
import { HISTORY_DAYS } from "@/lib/features/delivery";
import { BAND_LABEL, formatHours, formatPerWeek, formatRate } from "./dora-format";
import type { DoraPagePromise } from "./dora-filters";

/** Rows shown on the page per table; the export holds all of them. */
const SHOWN = 200;

const KIND_LABEL: Record<FailureKind, string> = {
  crash_regression: "Crash-free regression",
  performance_regression: "Performance regression",
  critical_issue: "New critical issue",
  rollback: "Rollback gate raised",
  redeploy_rollback: "Rollback (redeploy)",
  hotfix: "Hotfix",
};

type Filters = { days: number; environment: string; project?: string };

function Shown({ total }: { total: number }) {
  return total > SHOWN ? (
    <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
      The first {SHOWN} of {total} rows; the export holds all of them.
    </p>
  ) : null;
}

/** The rows every figure rests on: deploys counted, failures, lead-time samples, exclusions, and each project. */
export async function DoraTablesPanel({
  page,
  orgSlug,
  search = {},
  time = { zone: UTC_ZONE, now: new Date() },
}: {
  page: DoraPagePromise;
  orgSlug: string;
  /** The page's search params: the sortable headers read and keep them. */
  search?: Record<string, string | string[] | undefined>;
  time?: ViewerTime;
}) {
  const { report } = await page;
  const at = (date: Date) => <LocalTime at={date} time={time} stacked />;
  const sorting = <K extends string>(spec: SortSpec<K>, anchor: string) => ({
    spec,
    order: parseSort(spec, search),
    params: search,
    anchor,
  });
  const deploySort = sorting(DEPLOY_SORT, "dora-deploys");
  const failureSort = sorting(FAILURE_SORT, "dora-failures");
  const leadSort = sorting(LEAD_TIME_SORT, "dora-lead-times");
  const projectSort = sorting(PROJECT_SORT, "dora-projects");
  const params: Filters = {
    days: report.window.days,
    environment: report.environment,
    ...(report.project ? { project: report.project } : {}),
  };
  const versionOf = new Map(report.deploys.map((d) => [d.id, d.version]));
  const deploys = sortRows(report.deploys, deploySort.order, {
    "deploy-finished": (d) => d.dateFinished,
    "deploy-version": (d) => d.version,
    "deploy-recovery": (d) => d.recoveryHours,
  });
  const failures = sortRows(report.failures, failureSort.order, {
    "failure-started": (f) => f.startedAt,
    "failure-kind": (f) => KIND_LABEL[f.kind],
    "failure-resolved": (f) => f.resolvedAt,
  });
  const leadTimes = sortRows(report.leadTimes, leadSort.order, {
    "lead-release": (s) => s.version,
    "lead-committed": (s) => s.committedAt,
    "lead-deployed": (s) => s.deployedAt,
    "lead-hours": (s) => s.hours,
  });
  const projects = sortRows(report.projects, projectSort.order, {
    "project-name": (p) => p.project,
    "project-deploys": (p) => p.deployments,
    "project-lead": (p) => p.leadTimeHours.p50,
    "project-failure-rate": (p) => p.changeFailureRate,
    "project-recovery": (p) => p.recoveryHours.p50,
  });
  return (
    <div className="space-y-6">
      <section id="dora-deploys" aria-labelledby="dora-deploys-title" className="scroll-mt-24">
        <Card>
          <h2 id="dora-deploys-title" className="mb-3 text-base font-semibold">
            Deploys counted ({report.deploys.length})
          </h2>
          {deploys.length === 0 ? (
            <EmptyState title={`No deploys to ${report.environment} in these ${report.window.days} days`}>
              Deploys are read from Sentry: record each one with <code>sentry-cli releases deploys</code> (or your
              CI&apos;s Sentry step) naming the environment, or pick a longer period or another environment above.
            </EmptyState>
          ) : (
            <DataTable
              head={
                <TableHead
                  columns={[
                    { label: "Finished", sort: "deploy-finished" },
                    { label: "Version", sort: "deploy-version" },
                    "Projects",
                    "Failed",
                    { label: "Recovery", sort: "deploy-recovery" },
                    "Failures",
                  ]}
                  sorting={deploySort}
                />
              }
            >
              {deploys.slice(0, SHOWN).map((d) => (
                <TableRow key={d.id}>
                  <td className="pr-4 text-xs">{at(d.dateFinished)}</td>
                  <td className="pr-4 font-mono">{d.version}</td>
                  <td className="pr-4">{d.projects.join(", ")}</td>
                  <td className="pr-4">{d.failed ? "Failed" : "—"}</td>
                  <td className="pr-4 whitespace-nowrap">
                    {d.failed
                      ? d.recoveryHours === null
                        ? "Not yet"
                        : `${formatHours(d.recoveryHours)} (${d.recoveredBy})`
                      : "—"}
                  </td>
                  <td>
                    {d.failures
                      .map((f) => `${f.summary}${f.counted ? "" : ` (not counted: ${f.notCountedBecause})`}`)
                      .join("; ") || "—"}
                  </td>
                </TableRow>
              ))}
            </DataTable>
          )}
          <Shown total={deploys.length} />
          <ExportLinks orgSlug={orgSlug} table="dora-deploys" params={params} label="deploys" />
        </Card>
      </section>

      <section id="dora-failures" aria-labelledby="dora-failures-title" className="scroll-mt-24">
        <Card>
          <h2 id="dora-failures-title" className="mb-3 text-base font-semibold">
            Failures ({report.failures.length})
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            A failure is a crash-free or performance regression or a new Critical issue Bosun recorded for a release, a
            rollback gate raised, a version deployed again after a newer one (a rollback: the newer deploys failed), or
            a patch release x.y.z deployed after x.y.* (a hotfix: the earlier deploy failed). Each counts against the
            latest deploy finished at or before it started, if it started within {report.failureWindowHours} h.
          </p>
          {report.failures.length === 0 ? (
            <EmptyState title="No failures recorded for these deploys">
              Regressions, new Critical issues, rollbacks and hotfixes are counted here as Bosun records them.
            </EmptyState>
          ) : (
            <DataTable
              head={
                <TableHead
                  columns={[
                    { label: "Started", sort: "failure-started" },
                    { label: "Kind", sort: "failure-kind" },
                    "Summary",
                    "Deploy",
                    "Counted",
                    { label: "Resolved", sort: "failure-resolved" },
                  ]}
                  sorting={failureSort}
                />
              }
            >
              {failures.slice(0, SHOWN).map((f, i) => (
                <TableRow key={`${f.kind}-${f.version}-${f.startedAt.getTime()}-${i}`}>
                  <td className="pr-4 text-xs">{at(f.startedAt)}</td>
                  <td className="pr-4">{KIND_LABEL[f.kind]}</td>
                  <td className="pr-4">{f.summary}</td>
                  <td className="pr-4 font-mono">{f.deployId ? (versionOf.get(f.deployId) ?? "—") : "—"}</td>
                  <td className="pr-4">{f.counted ? "Yes" : `No: ${f.notCountedBecause}`}</td>
                  <td className="text-xs">{f.resolvedAt ? at(f.resolvedAt) : "—"}</td>
                </TableRow>
              ))}
            </DataTable>
          )}
          <Shown total={report.failures.length} />
          <ExportLinks orgSlug={orgSlug} table="dora-failures" params={params} label="failures" />
        </Card>
      </section>

      <section id="dora-lead-times" aria-labelledby="dora-lead-times-title" className="scroll-mt-24">
        <Card>
          <h2 id="dora-lead-times-title" className="mb-3 text-base font-semibold">
            Lead-time samples ({report.leadTimes.length})
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            Each commit Sentry lists for a release, from its commit time to the release&apos;s first deploy to{" "}
            {report.environment}. Where GitHub told Bosun of the pull request (its merge commit or head), the time is
            split into review (open → merge) and release (merge → deploy).
          </p>
          {leadTimes.length === 0 ? (
            <EmptyState title={`No commits reached ${report.environment} in these days`}>
              Lead times need the commits of each release: associate commits with releases in Sentry (
              <code>sentry-cli releases set-commits</code>) and they appear here after the next deploy.
            </EmptyState>
          ) : (
            <DataTable
              head={
                <TableHead
                  columns={[
                    "Commit",
                    { label: "Release", sort: "lead-release" },
                    { label: "Committed", sort: "lead-committed" },
                    { label: "Deployed", sort: "lead-deployed" },
                    { label: "Lead time", sort: "lead-hours" },
                    "Pull request",
                  ]}
                  sorting={leadSort}
                />
              }
            >
              {leadTimes.slice(0, SHOWN).map((s) => (
                <TableRow key={s.sha}>
                  <td className="pr-4 font-mono">{s.sha.slice(0, 12)}</td>
                  <td className="pr-4 font-mono">{s.version}</td>
                  <td className="pr-4 text-xs">{at(s.committedAt)}</td>
                  <td className="pr-4 text-xs">{at(s.deployedAt)}</td>
                  <td className="pr-4 tabular-nums">{formatHours(s.hours)}</td>
                  <td>
                    {s.pullRequest
                      ? `${s.pullRequest.repo}#${s.pullRequest.number}: open → merge ${formatHours(s.pullRequest.openToMergeHours)}, merge → deploy ${formatHours(s.pullRequest.mergeToDeployHours)}`
                      : "—"}
                  </td>
                </TableRow>
              ))}
            </DataTable>
          )}
          <Shown total={leadTimes.length} />
          <ExportLinks orgSlug={orgSlug} table="dora-lead-times" params={params} label="lead-time samples" />
        </Card>
      </section>

      <section id="dora-exclusions" aria-labelledby="dora-exclusions-title" className="scroll-mt-24">
        <Card>
          <h2 id="dora-exclusions-title" className="mb-3 text-base font-semibold">
            Left out, and why
          </h2>
          <DataTable head={<TableHead columns={["What", "Count", "For example"]} />}>
            {report.exclusions.map((e) => (
              <TableRow key={e.reason}>
                <td className="pr-4">{e.label}</td>
                <td className="pr-4 tabular-nums">{e.count}</td>
                <td className="font-mono text-xs">{e.examples.join(", ") || "—"}</td>
              </TableRow>
            ))}
          </DataTable>
          <ExportLinks
            orgSlug={orgSlug}
            table="dora-summary"
            params={params}
            label="the four keys with what was left out"
          />
        </Card>
      </section>

      {report.projects.length > 1 && (
        <section id="dora-projects" aria-labelledby="dora-projects-title" className="scroll-mt-24">
          <Card>
            <h2 id="dora-projects-title" className="mb-3 text-base font-semibold">
              By project
            </h2>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
              A deploy ships its whole release, so it counts for every project of the release.
            </p>
            <DataTable
              head={
                <TableHead
                  columns={[
                    { label: "Project", sort: "project-name" },
                    { label: "Deploys", sort: "project-deploys" },
                    "Frequency",
                    { label: "Lead time p50", sort: "project-lead" },
                    { label: "Change failure rate", sort: "project-failure-rate" },
                    { label: "Recovery p50", sort: "project-recovery" },
                  ]}
                  sorting={projectSort}
                />
              }
            >
              {projects.map((p) => (
                <TableRow key={p.project}>
                  <td className="pr-4 font-mono">{p.project}</td>
                  <td className="pr-4 tabular-nums">{p.deployments}</td>
                  <td className="pr-4">
                    {formatPerWeek(p.deploymentFrequencyPerWeek)} (
                    {p.bands.deploymentFrequency ? BAND_LABEL[p.bands.deploymentFrequency] : "—"})
                  </td>
                  <td className="pr-4">{formatHours(p.leadTimeHours.p50)}</td>
                  <td className="pr-4">{formatRate(p.changeFailureRate)}</td>
                  <td>{formatHours(p.recoveryHours.p50)}</td>
                </TableRow>
              ))}
            </DataTable>
          </Card>
        </section>
      )}

      <section aria-labelledby="dora-sources-title">
        <Card>
          <h2 id="dora-sources-title" className="mb-3 text-base font-semibold">
            Where these numbers come from
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>
              Deploys: each release&apos;s deploys as Sentry records them (<code>sentry-cli releases deploys</code>),
              for the releases of the last {HISTORY_DAYS} days, stored by Bosun. A deploy ships its release&apos;s
              projects.
            </li>
            <li>Commits and their times: the release&apos;s commit list in Sentry, read once per release.</li>
            <li>
              Pull requests: GitHub&apos;s pull_request webhooks to Bosun since the webhook was set up (older PRs are
              unknown).
            </li>
            <li>
              Failures: the release check&apos;s crash-free and performance regressions (Sentry&apos;s release health is
              per release, so Bosun places them in production from the release&apos;s first deploy there), new Critical
              issues first seen in a release (by the org&apos;s severity rules), rollback gates, and rollbacks and
              hotfixes read from the deploys themselves.
            </li>
            <li>
              Bands: {DORA_THRESHOLDS_SOURCE.title},{" "}
              <a href={DORA_THRESHOLDS_SOURCE.url} className="underline hover:no-underline">
                {DORA_THRESHOLDS_SOURCE.url}
              </a>
              . The report places teams in clusters by all four keys together; a band here is one key alone.
            </li>
            <li>This page reads only Bosun&apos;s database; the history catches up from Sentry every hour.</li>
          </ul>
        </Card>
      </section>
    </div>
  );
}

export function DoraTablesSkeleton() {
  return (
    <div className="space-y-6">
      <TableSkeleton label="Loading the deploys counted" rows={6} columns={6} />
      <TableSkeleton label="Loading the failures" rows={4} columns={6} />
    </div>
  );
}
