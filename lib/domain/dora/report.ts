import { detectFailures, recoveryOf } from "./failures";
import { leadTimes } from "./lead-time";
import { DAY_MS, percentile } from "./percentile";
import { changeFailureRateBand, deploymentFrequencyBand, leadTimeBand, recoveryBand } from "./thresholds";
import type {
  CountedDeploy,
  DoraDeploy,
  DoraFailure,
  DoraHistory,
  DoraOptions,
  DoraReport,
  DoraWeek,
  Exclusion,
  LeadTimeSample,
  Summary,
} from "./types";

export const DEFAULT_ENVIRONMENT = "production";
export const DEFAULT_FAILURE_WINDOW_HOURS = 24;
const WEEK_MS = 7 * DAY_MS;

/**
 * The four keys over one environment (and optionally one project) for the `windowDays` before `now`: deployment
 * frequency, lead time for changes, change failure rate and failed deployment recovery time, with their weekly
 * trend, a breakdown per project, and every deploy, failure, lead-time sample and exclusion they were computed from.
 */
export function computeDora(history: DoraHistory, options: DoraOptions): DoraReport {
  const environment = options.environment ?? DEFAULT_ENVIRONMENT;
  const project = options.project ?? null;
  const failureWindowHours = options.failureWindowHours ?? DEFAULT_FAILURE_WINDOW_HOURS;
  const to = options.now;
  const from = new Date(to.getTime() - options.windowDays * DAY_MS);

  const scoped = scope(history, environment, project, failureWindowHours, from, to);
  const weeks = weekly(scoped, from, to);
  const inWindowProjects = [...new Set(scoped.windowDeploys.flatMap((d) => d.projects))].sort();
  const projects = project
    ? []
    : inWindowProjects.map((p) => ({
        project: p,
        ...scope(history, environment, p, failureWindowHours, from, to).summary,
      }));

  const otherEnvironments = history.incidents.filter((i) => i.environment !== environment);
  const exclusions: Exclusion[] = [
    exclusion(
      "commit_without_time",
      "Commits without a time (lead time cannot start)",
      scoped.leadTimeExcluded.withoutTime,
    ),
    exclusion(
      "release_not_deployed",
      `Commits whose release never reached ${environment}`,
      scoped.leadTimeExcluded.notDeployed,
    ),
    exclusion(
      "commit_after_deploy",
      "Commits timed after their deploy (clock skew)",
      scoped.leadTimeExcluded.afterDeploy,
    ),
    exclusion(
      "failure_other_environment",
      `Failures in other environments than ${environment}`,
      otherEnvironments
        .filter((i) => i.startedAt >= from && i.startedAt <= to)
        .map((i) => `${i.environment}: ${i.summary}`),
    ),
    exclusion(
      "failure_before_any_deploy",
      `Failures that started before any deploy to ${environment}`,
      scoped.windowFailures.filter((f) => f.deployId === null).map((f) => f.summary),
    ),
    exclusion(
      "failure_outside_window",
      `Failures more than ${failureWindowHours} h after their deploy`,
      scoped.windowFailures.filter((f) => f.deployId !== null && !f.counted).map((f) => f.summary),
    ),
    exclusion(
      "recovery_ongoing",
      "Failed deploys not yet recovered (no healthy deploy or resolution since)",
      scoped.countedDeploys.filter((d) => d.failed && d.recoveryHours === null).map((d) => d.version),
    ),
  ];

  return {
    environment,
    project,
    window: { from, to, days: options.windowDays },
    failureWindowHours,
    summary: scoped.summary,
    weeks,
    projects,
    deploys: scoped.countedDeploys,
    failures: scoped.windowFailures,
    leadTimes: scoped.samples,
    exclusions,
  };
}

type Scoped = {
  windowDeploys: DoraDeploy[];
  countedDeploys: CountedDeploy[];
  windowFailures: DoraFailure[];
  samples: LeadTimeSample[];
  leadTimeExcluded: ReturnType<typeof leadTimes>["excluded"];
  summary: Summary;
};

function scope(
  history: DoraHistory,
  environment: string,
  project: string | null,
  failureWindowHours: number,
  from: Date,
  to: Date,
): Scoped {
  const deploys = history.deploys
    .filter((d) => d.environment === environment && (project === null || d.projects.includes(project)))
    .sort((a, b) => a.dateFinished.getTime() - b.dateFinished.getTime() || a.id.localeCompare(b.id));
  const incidents = history.incidents.filter(
    (i) => i.environment === environment && (project === null || i.project === null || i.project === project),
  );
  const failures = detectFailures(deploys, incidents, failureWindowHours);
  const failedIds = new Set(failures.filter((f) => f.counted && f.deployId).map((f) => f.deployId!));

  const inWindow = (at: Date) => at >= from && at <= to;
  const windowDeploys = deploys.filter((d) => inWindow(d.dateFinished));
  const countedDeploys: CountedDeploy[] = windowDeploys.map((deploy) => {
    const own = failures.filter((f) => f.deployId === deploy.id);
    const later = deploys.filter((d) => d.dateFinished > deploy.dateFinished);
    const recovery = failedIds.has(deploy.id) ? recoveryOf(own, later, failedIds) : null;
    return {
      ...deploy,
      failed: failedIds.has(deploy.id),
      failures: own,
      recoveryHours: recovery?.hours ?? null,
      recoveredBy: recovery?.by ?? null,
    };
  });
  const windowIds = new Set(windowDeploys.map((d) => d.id));
  const windowFailures = failures.filter(
    (f) => (f.deployId && windowIds.has(f.deployId)) || (!f.deployId && inWindow(f.startedAt)),
  );
  const { samples, excluded } = leadTimes(deploys, history.commits, history.pullRequests, from, to);

  return {
    windowDeploys,
    countedDeploys,
    windowFailures,
    samples,
    leadTimeExcluded: excluded,
    summary: summarize(countedDeploys, samples, (to.getTime() - from.getTime()) / WEEK_MS),
  };
}

function summarize(deploys: readonly CountedDeploy[], samples: readonly LeadTimeSample[], weeks: number): Summary {
  const perWeek = weeks > 0 ? deploys.length / weeks : 0;
  const hours = samples.map((s) => s.hours);
  const openToMerge = samples.flatMap((s) =>
    s.pullRequest?.openToMergeHours != null ? [s.pullRequest.openToMergeHours] : [],
  );
  const mergeToDeploy = samples.flatMap((s) =>
    s.pullRequest?.mergeToDeployHours != null ? [s.pullRequest.mergeToDeployHours] : [],
  );
  const failed = deploys.filter((d) => d.failed);
  const recoveries = failed.flatMap((d) => (d.recoveryHours !== null ? [d.recoveryHours] : []));
  const rate = deploys.length > 0 ? failed.length / deploys.length : null;
  const p50 = percentile(hours, 0.5);
  const recoveryP50 = percentile(recoveries, 0.5);
  return {
    deployments: deploys.length,
    deploymentFrequencyPerWeek: perWeek,
    leadTimeHours: { p50, p85: percentile(hours, 0.85), samples: hours.length },
    stages: {
      openToMergeHours: { p50: percentile(openToMerge, 0.5), samples: openToMerge.length },
      mergeToDeployHours: { p50: percentile(mergeToDeploy, 0.5), samples: mergeToDeploy.length },
    },
    changeFailureRate: rate,
    failedDeployments: failed.length,
    recoveryHours: { p50: recoveryP50, samples: recoveries.length },
    bands: {
      deploymentFrequency: deploymentFrequencyBand(perWeek),
      leadTime: leadTimeBand(p50),
      changeFailureRate: changeFailureRateBand(rate),
      recovery: recoveryBand(recoveryP50),
    },
  };
}

/** Weeks counted back from `to`, so the last is a whole week ending now; the first may be shorter. */
function weekly(scoped: Scoped, from: Date, to: Date): DoraWeek[] {
  const count = Math.ceil((to.getTime() - from.getTime()) / WEEK_MS);
  const weekOf = (at: Date) => count - 1 - Math.floor((to.getTime() - at.getTime()) / WEEK_MS);
  return Array.from({ length: count }, (_, i) => {
    const weekTo = new Date(to.getTime() - (count - 1 - i) * WEEK_MS);
    const weekFrom = new Date(Math.max(from.getTime(), weekTo.getTime() - WEEK_MS));
    const deploys = scoped.countedDeploys.filter((d) => weekOf(d.dateFinished) === i);
    const failed = deploys.filter((d) => d.failed);
    const recoveries = failed.flatMap((d) => (d.recoveryHours !== null ? [d.recoveryHours] : []));
    return {
      from: weekFrom,
      to: weekTo,
      deployments: deploys.length,
      leadTimeP50Hours: percentile(
        scoped.samples.filter((s) => weekOf(s.deployedAt) === i).map((s) => s.hours),
        0.5,
      ),
      changeFailureRate: deploys.length > 0 ? failed.length / deploys.length : null,
      recoveryP50Hours: percentile(recoveries, 0.5),
    };
  });
}

function exclusion(reason: Exclusion["reason"], label: string, items: string[]): Exclusion {
  return { reason, label, count: items.length, examples: items.slice(0, 5) };
}
