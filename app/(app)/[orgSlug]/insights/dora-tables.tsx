import { ExportLinks } from "@/components/insights/export-links";
import { Card } from "@/components/ui/card";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { TableHead } from "@/components/ui/table-head";
import { DORA_THRESHOLDS_SOURCE, type FailureKind } from "@/lib/domain/dora";
import { HISTORY_DAYS } from "@/lib/features/delivery";
import { BAND_LABEL, formatDateTime, formatHours, formatPerWeek, formatRate } from "./dora-format";
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
export async function DoraTablesPanel({ page, orgSlug }: { page: DoraPagePromise; orgSlug: string }) {
  const { report } = await page;
  const params: Filters = {
    days: report.window.days,
    environment: report.environment,
    ...(report.project ? { project: report.project } : {}),
  };
  const versionOf = new Map(report.deploys.map((d) => [d.id, d.version]));
  const deploys = [...report.deploys].reverse();
  const leadTimes = [...report.leadTimes].reverse();
  return (
    <div className="space-y-6">
      <section id="dora-deploys" aria-labelledby="dora-deploys-title" className="scroll-mt-24">
        <Card>
          <h2 id="dora-deploys-title" className="mb-3 text-base font-semibold">
            Deploys counted ({report.deploys.length})
          </h2>
          {deploys.length === 0 ? (
            <p className="text-sm">
              No deploys to {report.environment} in these {report.window.days} days.
            </p>
          ) : (
            <DataTable
              head={<TableHead columns={["Finished", "Version", "Projects", "Failed", "Recovery", "Failures"]} />}
            >
              {deploys.slice(0, SHOWN).map((d) => (
                <TableRow key={d.id}>
                  <td className="pr-4 whitespace-nowrap">{formatDateTime(d.dateFinished)}</td>
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
            <p className="text-sm">No failures recorded for these deploys.</p>
          ) : (
            <DataTable head={<TableHead columns={["Started", "Kind", "Summary", "Deploy", "Counted", "Resolved"]} />}>
              {report.failures.slice(0, SHOWN).map((f, i) => (
                <TableRow key={`${f.kind}-${f.version}-${f.startedAt.getTime()}-${i}`}>
                  <td className="pr-4 whitespace-nowrap">{formatDateTime(f.startedAt)}</td>
                  <td className="pr-4">{KIND_LABEL[f.kind]}</td>
                  <td className="pr-4">{f.summary}</td>
                  <td className="pr-4 font-mono">{f.deployId ? (versionOf.get(f.deployId) ?? "—") : "—"}</td>
                  <td className="pr-4">{f.counted ? "Yes" : `No: ${f.notCountedBecause}`}</td>
                  <td className="whitespace-nowrap">{f.resolvedAt ? formatDateTime(f.resolvedAt) : "—"}</td>
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
            <p className="text-sm">No commits reached {report.environment} in these days.</p>
          ) : (
            <DataTable
              head={<TableHead columns={["Commit", "Release", "Committed", "Deployed", "Lead time", "Pull request"]} />}
            >
              {leadTimes.slice(0, SHOWN).map((s) => (
                <TableRow key={s.sha}>
                  <td className="pr-4 font-mono">{s.sha.slice(0, 12)}</td>
                  <td className="pr-4 font-mono">{s.version}</td>
                  <td className="pr-4 whitespace-nowrap">{formatDateTime(s.committedAt)}</td>
                  <td className="pr-4 whitespace-nowrap">{formatDateTime(s.deployedAt)}</td>
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
        <section aria-labelledby="dora-projects-title">
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
                  columns={["Project", "Deploys", "Frequency", "Lead time p50", "Change failure rate", "Recovery p50"]}
                />
              }
            >
              {report.projects.map((p) => (
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
      <PanelSkeleton label="Loading the deploys counted" rows={6} columns={4} />
      <PanelSkeleton label="Loading the failures" rows={4} columns={4} />
    </div>
  );
}
