import { hoursBetween } from "./percentile";
import type { DoraCommit, DoraDeploy, DoraPullRequest, LeadTimeSample } from "./types";

export type LeadTimeExclusions = {
  withoutTime: string[];
  notDeployed: string[];
  afterDeploy: string[];
};

/**
 * Lead time for changes: each commit's time to the first deploy (in the environment) that contained it. A release's
 * commits ship with that release's first deploy; a commit in several releases ships with the earliest. Samples and
 * exclusions are those whose deploy finished in [from, to]; a commit whose release never reached the environment is
 * excluded when it was made in the window (or has no time).
 */
export function leadTimes(
  deploys: readonly DoraDeploy[],
  commits: readonly DoraCommit[],
  pullRequests: readonly DoraPullRequest[],
  from: Date,
  to: Date,
): { samples: LeadTimeSample[]; excluded: LeadTimeExclusions } {
  const firstDeploy = new Map<string, DoraDeploy>();
  for (const deploy of deploys) if (!firstDeploy.has(deploy.version)) firstDeploy.set(deploy.version, deploy);

  const bySha = new Map<string, { committedAt: Date | null; deploy: DoraDeploy | null }>();
  for (const commit of commits) {
    const deploy = firstDeploy.get(commit.version) ?? null;
    const known = bySha.get(commit.sha);
    bySha.set(commit.sha, {
      committedAt: known?.committedAt ?? commit.committedAt,
      deploy: known ? earliest(known.deploy, deploy) : deploy,
    });
  }

  const prBySha = new Map<string, DoraPullRequest>();
  for (const pr of pullRequests) {
    if (pr.headSha) prBySha.set(pr.headSha, pr);
  }
  // A merge commit is the surer match: it wins over a head sha.
  for (const pr of pullRequests) if (pr.mergeCommitSha) prBySha.set(pr.mergeCommitSha, pr);

  const inWindow = (at: Date) => at >= from && at <= to;
  const samples: LeadTimeSample[] = [];
  const excluded: LeadTimeExclusions = { withoutTime: [], notDeployed: [], afterDeploy: [] };
  for (const [sha, { committedAt, deploy }] of bySha) {
    if (!deploy) {
      if (!committedAt || inWindow(committedAt)) excluded.notDeployed.push(sha);
      continue;
    }
    if (!inWindow(deploy.dateFinished)) continue;
    if (!committedAt) {
      excluded.withoutTime.push(sha);
      continue;
    }
    if (committedAt > deploy.dateFinished) {
      excluded.afterDeploy.push(sha);
      continue;
    }
    const pr = prBySha.get(sha);
    samples.push({
      sha,
      version: deploy.version,
      committedAt,
      deployId: deploy.id,
      deployedAt: deploy.dateFinished,
      hours: hoursBetween(committedAt, deploy.dateFinished),
      pullRequest: pr
        ? {
            repo: pr.repo,
            number: pr.number,
            openToMergeHours: pr.mergedAt ? hoursBetween(pr.openedAt, pr.mergedAt) : null,
            mergeToDeployHours:
              pr.mergedAt && pr.mergedAt <= deploy.dateFinished ? hoursBetween(pr.mergedAt, deploy.dateFinished) : null,
          }
        : null,
    });
  }
  samples.sort((a, b) => a.deployedAt.getTime() - b.deployedAt.getTime() || a.sha.localeCompare(b.sha));
  return { samples, excluded };
}

function earliest(a: DoraDeploy | null, b: DoraDeploy | null): DoraDeploy | null {
  if (!a || !b) return a ?? b;
  return b.dateFinished < a.dateFinished ? b : a;
}
