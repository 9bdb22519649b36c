import "server-only";
import type { ExportTable } from "@/lib/domain/tables/export";
import { CHANGE_FAILURE_RATE_NOTE, DORA_THRESHOLDS_SOURCE, type DoraBand, type DoraReport } from "@/lib/domain/dora";
import type { InsightTableLoader } from "@/lib/features/insights/table-loader";
import { loadDoraPage, parseDoraFilters } from "./load";

const round = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
const band = (value: DoraBand | null) => value ?? "no samples";

function scopeNote(report: DoraReport): string {
  const days = report.window.days;
  return `${report.environment}${report.project ? `, project ${report.project}` : ""}, the ${days} days to ${report.window.to.toISOString()}; read from Bosun's stored delivery history (Sentry deploys and commits, GitHub pull requests, incidents Bosun recorded).`;
}

export function doraSummaryTable(report: DoraReport): ExportTable {
  const s = report.summary;
  return {
    id: "dora-summary",
    title: "DORA four keys",
    columns: [
      { key: "key", label: "Key" },
      { key: "value", label: "Value" },
      { key: "unit", label: "Unit" },
      { key: "band", label: "Band" },
      { key: "samples", label: "Based on" },
    ],
    rows: [
      {
        key: "Deployment frequency",
        value: round(s.deploymentFrequencyPerWeek, 2),
        unit: "deploys per week",
        band: band(s.bands.deploymentFrequency),
        samples: `${s.deployments} deploys`,
      },
      {
        key: "Lead time for changes (p50)",
        value: round(s.leadTimeHours.p50),
        unit: "hours",
        band: band(s.bands.leadTime),
        samples: `${s.leadTimeHours.samples} commits`,
      },
      {
        key: "Lead time for changes (p85)",
        value: round(s.leadTimeHours.p85),
        unit: "hours",
        band: null,
        samples: `${s.leadTimeHours.samples} commits`,
      },
      {
        key: "Change failure rate",
        value: s.changeFailureRate === null ? null : round(s.changeFailureRate * 100),
        unit: "% of deploys",
        band: band(s.bands.changeFailureRate),
        samples: `${s.failedDeployments} failed of ${s.deployments} deploys`,
      },
      {
        key: "Failed deployment recovery time (p50)",
        value: round(s.recoveryHours.p50, 2),
        unit: "hours",
        band: band(s.bands.recovery),
        samples: `${s.recoveryHours.samples} recovered deploys`,
      },
    ],
    notes: [
      scopeNote(report),
      `Bands: ${DORA_THRESHOLDS_SOURCE.title} (${DORA_THRESHOLDS_SOURCE.url}).`,
      CHANGE_FAILURE_RATE_NOTE,
      ...report.exclusions.filter((e) => e.count > 0).map((e) => `Left out: ${e.label}: ${e.count}.`),
    ],
  };
}

export function doraDeploysTable(report: DoraReport): ExportTable {
  return {
    id: "dora-deploys",
    title: `Deploys to ${report.environment}`,
    columns: [
      { key: "finished", label: "Finished" },
      { key: "version", label: "Version" },
      { key: "projects", label: "Projects" },
      { key: "failed", label: "Failed" },
      { key: "failures", label: "Failures" },
      { key: "recoveryHours", label: "Recovery (h)" },
      { key: "recoveredBy", label: "Recovered by" },
    ],
    rows: report.deploys.map((d) => ({
      finished: d.dateFinished.toISOString(),
      version: d.version,
      projects: d.projects.join(" "),
      failed: d.failed,
      failures: d.failures.map((f) => f.summary).join("; "),
      recoveryHours: round(d.recoveryHours, 2),
      recoveredBy: d.recoveredBy,
    })),
    notes: [scopeNote(report)],
  };
}

export function doraFailuresTable(report: DoraReport): ExportTable {
  const versionOf = new Map(report.deploys.map((d) => [d.id, d.version]));
  return {
    id: "dora-failures",
    title: `Failures in ${report.environment}`,
    columns: [
      { key: "started", label: "Started" },
      { key: "kind", label: "Kind" },
      { key: "version", label: "Release" },
      { key: "summary", label: "Summary" },
      { key: "deploy", label: "Attributed to deploy of" },
      { key: "counted", label: "Counted" },
      { key: "why", label: "Not counted because" },
      { key: "resolved", label: "Resolved" },
    ],
    rows: report.failures.map((f) => ({
      started: f.startedAt.toISOString(),
      kind: f.kind,
      version: f.version,
      summary: f.summary,
      deploy: f.deployId ? (versionOf.get(f.deployId) ?? null) : null,
      counted: f.counted,
      why: f.notCountedBecause,
      resolved: f.resolvedAt?.toISOString() ?? null,
    })),
    notes: [
      scopeNote(report),
      `A failure counts against a deploy when it starts within ${report.failureWindowHours} h after it.`,
    ],
  };
}

export function doraLeadTimesTable(report: DoraReport): ExportTable {
  return {
    id: "dora-lead-times",
    title: "Lead time samples",
    columns: [
      { key: "sha", label: "Commit" },
      { key: "version", label: "Release" },
      { key: "committed", label: "Committed" },
      { key: "deployed", label: "Deployed" },
      { key: "hours", label: "Lead time (h)" },
      { key: "pr", label: "Pull request" },
      { key: "openToMerge", label: "Open → merge (h)" },
      { key: "mergeToDeploy", label: "Merge → deploy (h)" },
    ],
    rows: report.leadTimes.map((s) => ({
      sha: s.sha,
      version: s.version,
      committed: s.committedAt.toISOString(),
      deployed: s.deployedAt.toISOString(),
      hours: round(s.hours),
      pr: s.pullRequest ? `${s.pullRequest.repo}#${s.pullRequest.number}` : null,
      openToMerge: round(s.pullRequest?.openToMergeHours ?? null),
      mergeToDeploy: round(s.pullRequest?.mergeToDeployHours ?? null),
    })),
    notes: [
      scopeNote(report),
      ...report.exclusions
        .filter((e) => e.reason.startsWith("commit") || e.reason === "release_not_deployed")
        .map((e) => `Left out: ${e.label}: ${e.count}.`),
    ],
  };
}

const loader =
  (build: (report: DoraReport) => ExportTable): InsightTableLoader =>
  async ({ orgId, params, now }) => {
    const { report } = await loadDoraPage({ orgId, filters: parseDoraFilters(params), now });
    return build(report);
  };

/** The Delivery page's tables for export, from stored history with the page's filters (days, environment, project). */
export const doraTables: Record<string, InsightTableLoader> = {
  "dora-summary": loader(doraSummaryTable),
  "dora-deploys": loader(doraDeploysTable),
  "dora-failures": loader(doraFailuresTable),
  "dora-lead-times": loader(doraLeadTimesTable),
};
