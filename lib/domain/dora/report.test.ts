import { describe, expect, it } from "vitest";
import { computeDora } from "./report";
import { ago, deploy, history, incident, NOW } from "./test-support";

const options = { windowDays: 30 as const, now: NOW };

describe("computeDora on an empty history", () => {
  const report = computeDora(history({}), options);

  it("counts nothing and bands only deploy frequency (none is low)", () => {
    expect(report.summary.deployments).toBe(0);
    expect(report.summary.deploymentFrequencyPerWeek).toBe(0);
    expect(report.summary.leadTimeHours).toEqual({ p50: null, p85: null, samples: 0 });
    expect(report.summary.changeFailureRate).toBeNull();
    expect(report.summary.recoveryHours).toEqual({ p50: null, samples: 0 });
    expect(report.summary.bands).toEqual({
      deploymentFrequency: "low",
      leadTime: null,
      changeFailureRate: null,
      recovery: null,
    });
    expect(report.exclusions.every((e) => e.count === 0)).toBe(true);
  });

  it("still has a week series covering the window, the last week ending now", () => {
    expect(report.weeks).toHaveLength(5);
    expect(report.weeks.at(-1)!.to).toEqual(NOW);
    expect(report.weeks[0]!.from).toEqual(report.window.from);
    expect(report.weeks.every((w) => w.deployments === 0 && w.changeFailureRate === null)).toBe(true);
  });
});

describe("deployment frequency", () => {
  it("counts production deploys in the window per week, not staging nor older ones", () => {
    const report = computeDora(
      history({
        deploys: [
          deploy("1.0.0", ago(40 * 24)),
          deploy("1.1.0", ago(20 * 24)),
          deploy("1.1.0", ago(20 * 24 + 2), { environment: "staging" }),
          deploy("1.2.0", ago(10 * 24)),
          deploy("1.3.0", ago(1)),
        ],
      }),
      options,
    );
    expect(report.summary.deployments).toBe(3);
    expect(report.summary.deploymentFrequencyPerWeek).toBeCloseTo(3 / (30 / 7));
    expect(report.summary.bands.deploymentFrequency).toBe("medium");
    expect(report.deploys.map((d) => d.version)).toEqual(["1.1.0", "1.2.0", "1.3.0"]);
    expect(report.weeks.map((w) => w.deployments)).toEqual([0, 0, 1, 1, 1]);
  });

  it("reads another environment when asked", () => {
    const report = computeDora(
      history({ deploys: [deploy("1.0.0", ago(5), { environment: "staging" }), deploy("1.0.0", ago(2))] }),
      { ...options, environment: "staging" },
    );
    expect(report.environment).toBe("staging");
    expect(report.summary.deployments).toBe(1);
  });
});

describe("lead time for changes", () => {
  it("runs from each commit to its release's first deploy, with p50 and p85", () => {
    const report = computeDora(
      history({
        deploys: [deploy("1.0.0", ago(100)), deploy("1.0.0", ago(50))],
        commits: [
          { version: "1.0.0", sha: "a", committedAt: ago(110) },
          { version: "1.0.0", sha: "b", committedAt: ago(120) },
          { version: "1.0.0", sha: "c", committedAt: ago(140) },
        ],
      }),
      options,
    );
    expect(report.leadTimes.map((s) => [s.sha, s.hours])).toEqual([
      ["a", 10],
      ["b", 20],
      ["c", 40],
    ]);
    expect(report.summary.leadTimeHours).toEqual({ p50: 20, p85: 34, samples: 3 });
    expect(report.summary.bands.leadTime).toBe("elite");
  });

  it("a single deploy without commits has deploys but no lead time", () => {
    const report = computeDora(history({ deploys: [deploy("1.0.0", ago(3))] }), options);
    expect(report.summary.deployments).toBe(1);
    expect(report.summary.leadTimeHours.samples).toBe(0);
    expect(report.summary.changeFailureRate).toBe(0);
    expect(report.summary.bands.changeFailureRate).toBe("elite");
  });

  it("a commit in two releases ships with the earlier deploy", () => {
    const report = computeDora(
      history({
        deploys: [deploy("1.0.0", ago(30)), deploy("1.1.0", ago(10))],
        commits: [
          { version: "1.1.0", sha: "a", committedAt: ago(40) },
          { version: "1.0.0", sha: "a", committedAt: ago(40) },
        ],
      }),
      options,
    );
    expect(report.leadTimes).toHaveLength(1);
    expect(report.leadTimes[0]).toMatchObject({ version: "1.0.0", hours: 10 });
  });

  it("excludes, with counts, commits without a time, of releases never deployed, and timed after the deploy", () => {
    const report = computeDora(
      history({
        deploys: [deploy("1.0.0", ago(10)), deploy("2.0.0", ago(5), { environment: "staging" })],
        commits: [
          { version: "1.0.0", sha: "ok", committedAt: ago(12) },
          { version: "1.0.0", sha: "untimed", committedAt: null },
          { version: "1.0.0", sha: "skewed", committedAt: ago(9) },
          { version: "2.0.0", sha: "staged", committedAt: ago(6) },
          { version: "3.0.0", sha: "unreleased", committedAt: null },
        ],
      }),
      options,
    );
    expect(report.leadTimes.map((s) => s.sha)).toEqual(["ok"]);
    const count = Object.fromEntries(report.exclusions.map((e) => [e.reason, e.count]));
    expect(count).toMatchObject({ commit_without_time: 1, release_not_deployed: 2, commit_after_deploy: 1 });
    expect(report.exclusions.find((e) => e.reason === "commit_after_deploy")!.examples).toEqual(["skewed"]);
  });

  it("leaves out commits whose deploy was before the window", () => {
    const report = computeDora(
      history({
        deploys: [deploy("1.0.0", ago(40 * 24)), deploy("1.0.0", ago(5))],
        commits: [{ version: "1.0.0", sha: "a", committedAt: ago(41 * 24) }],
      }),
      options,
    );
    expect(report.leadTimes).toHaveLength(0);
    expect(report.exclusions.every((e) => e.count === 0)).toBe(true);
  });

  it("splits into PR open → merge and merge → deploy where a pull request is known by merge or head sha", () => {
    const report = computeDora(
      history({
        deploys: [deploy("1.0.0", ago(10))],
        commits: [
          { version: "1.0.0", sha: "merge1", committedAt: ago(14) },
          { version: "1.0.0", sha: "head2", committedAt: ago(30) },
          { version: "1.0.0", sha: "lone", committedAt: ago(20) },
        ],
        pullRequests: [
          { repo: "acme/web", number: 1, mergeCommitSha: "merge1", headSha: "x", openedAt: ago(40), mergedAt: ago(14) },
          { repo: "acme/web", number: 2, mergeCommitSha: "y", headSha: "head2", openedAt: ago(32), mergedAt: ago(12) },
        ],
      }),
      options,
    );
    const bySha = Object.fromEntries(report.leadTimes.map((s) => [s.sha, s.pullRequest]));
    expect(bySha.merge1).toEqual({ repo: "acme/web", number: 1, openToMergeHours: 26, mergeToDeployHours: 4 });
    expect(bySha.head2).toEqual({ repo: "acme/web", number: 2, openToMergeHours: 20, mergeToDeployHours: 2 });
    expect(bySha.lone).toBeNull();
    expect(report.summary.stages.openToMergeHours).toEqual({ p50: 23, samples: 2 });
    expect(report.summary.stages.mergeToDeployHours).toEqual({ p50: 3, samples: 2 });
  });
});

describe("change failure rate and recovery", () => {
  it("attributes an incident of a release not deployed here to the latest deploy before it (DevLake's rule)", () => {
    const d1 = deploy("1.0.0", ago(100));
    const d2 = deploy("1.1.0", ago(50));
    const d3 = deploy("1.2.0", ago(20));
    const report = computeDora(
      history({ deploys: [d1, d2, d3], incidents: [incident("0.9.0", ago(40), { resolvedAt: ago(36) })] }),
      options,
    );
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ deployId: d2.id, counted: true });
    expect(report.summary.failedDeployments).toBe(1);
    expect(report.summary.changeFailureRate).toBeCloseTo(1 / 3);
    expect(report.summary.bands.changeFailureRate).toBe("low");
    // Resolved 4 h after it started, before the next deploy (20 h after).
    expect(report.deploys.find((d) => d.id === d2.id)).toMatchObject({ recoveryHours: 4, recoveredBy: "resolved" });
    expect(report.summary.recoveryHours).toEqual({ p50: 4, samples: 1 });
    expect(report.summary.bands.recovery).toBe("high");
  });

  it("attributes an incident to its own release's deploy when that release reached the environment", () => {
    const regressed = deploy("2.14.0", ago(100));
    const hotfix = deploy("2.14.1", ago(80));
    const report = computeDora(
      history({
        deploys: [regressed, hotfix],
        incidents: [
          incident("2.14.0", ago(90), { kind: "critical_issue", summary: "early" }),
          incident("2.14.0", ago(70), { kind: "critical_issue", summary: "after the hotfix" }),
        ],
      }),
      options,
    );
    const bySummary = Object.fromEntries(report.failures.map((f) => [f.summary, f]));
    expect(bySummary.early).toMatchObject({ deployId: regressed.id, counted: true });
    expect(bySummary["after the hotfix"]).toMatchObject({ deployId: regressed.id, counted: false });
    expect(report.deploys.find((d) => d.id === regressed.id)).toMatchObject({
      failed: true,
      recoveryHours: 20,
      recoveredBy: "deploy of 2.14.1",
    });
  });

  it("ends recovery at the next healthy deploy when that comes before the resolution", () => {
    const d1 = deploy("1.0.0", ago(50));
    const d2 = deploy("1.1.0", ago(49.5));
    const report = computeDora(history({ deploys: [d1, d2], incidents: [incident("1.0.0", ago(49.75))] }), {
      ...options,
      failureWindowHours: 1,
    });
    expect(report.deploys[0]).toMatchObject({ failed: true, recoveredBy: "deploy of 1.1.0" });
    expect(report.deploys[0]!.recoveryHours).toBeCloseTo(0.25);
    expect(report.summary.bands.recovery).toBe("elite");
  });

  it("does not count an incident beyond the failure window, and says why", () => {
    const d1 = deploy("1.0.0", ago(100));
    const report = computeDora(history({ deploys: [d1], incidents: [incident("1.0.0", ago(70))] }), options);
    expect(report.summary.failedDeployments).toBe(0);
    expect(report.failures[0]).toMatchObject({ counted: false, deployId: d1.id });
    expect(report.failures[0]!.notCountedBecause).toContain("30 h after the deploy");
    expect(report.exclusions.find((e) => e.reason === "failure_outside_window")!.count).toBe(1);
  });

  it("counts overlapping failures of one deploy once, recovering when the next healthy deploy lands", () => {
    const d1 = deploy("1.0.0", ago(100));
    const d2 = deploy("1.1.0", ago(80));
    const report = computeDora(
      history({
        deploys: [d1, d2],
        incidents: [
          incident("1.0.0", ago(98), { resolvedAt: ago(90) }),
          incident("1.0.0", ago(95), { kind: "critical_issue", summary: "New critical issue" }),
        ],
      }),
      options,
    );
    expect(report.summary.failedDeployments).toBe(1);
    expect(report.summary.changeFailureRate).toBe(0.5);
    const failed = report.deploys.find((d) => d.id === d1.id)!;
    expect(failed.failures).toHaveLength(2);
    // One failure is never resolved, so recovery is the next healthy deploy, from the first failure's start.
    expect(failed).toMatchObject({ recoveryHours: 18, recoveredBy: "deploy of 1.1.0" });
  });

  it("ignores failures in other environments and lists them as excluded", () => {
    const report = computeDora(
      history({
        deploys: [deploy("1.0.0", ago(10)), deploy("1.0.0", ago(12), { environment: "staging" })],
        incidents: [incident("1.0.0", ago(11), { environment: "staging" })],
      }),
      options,
    );
    expect(report.failures).toHaveLength(0);
    expect(report.summary.changeFailureRate).toBe(0);
    expect(report.exclusions.find((e) => e.reason === "failure_other_environment")!.count).toBe(1);
  });

  it("lists an incident before any deploy as not counted", () => {
    const report = computeDora(
      history({ deploys: [deploy("1.0.0", ago(10))], incidents: [incident("0.9.0", ago(20))] }),
      options,
    );
    expect(report.failures[0]).toMatchObject({ deployId: null, counted: false });
    expect(report.exclusions.find((e) => e.reason === "failure_before_any_deploy")!.count).toBe(1);
  });

  it("detects a rollback: a version deployed again after a newer one fails the deploys in between", () => {
    const d1 = deploy("1.0.0", ago(100));
    const d2 = deploy("1.1.0", ago(90));
    const d3 = deploy("1.2.0", ago(88));
    const back = deploy("1.0.0", ago(85));
    const report = computeDora(history({ deploys: [d1, d2, d3, back] }), options);
    const failed = report.deploys.filter((d) => d.failed).map((d) => d.version);
    expect(failed).toEqual(["1.1.0", "1.2.0"]);
    expect(report.failures.every((f) => f.kind === "redeploy_rollback")).toBe(true);
    expect(report.summary.changeFailureRate).toBe(0.5);
    // Recovered by the rollback itself: 5 h and 3 h.
    expect(report.deploys.find((d) => d.id === d2.id)!.recoveryHours).toBe(5);
    expect(report.deploys.find((d) => d.id === d3.id)!.recoveryHours).toBe(3);
    expect(report.summary.recoveryHours.p50).toBe(4);
  });

  it("does not take a redeploy of the same version, or a roll forward, for a rollback", () => {
    const report = computeDora(
      history({
        deploys: [
          deploy("1.0.0", ago(100)),
          deploy("1.0.0", ago(99)),
          deploy("1.1.0", ago(98)),
          deploy("1.2.0", ago(97)),
        ],
      }),
      options,
    );
    expect(report.summary.failedDeployments).toBe(0);
  });

  it("detects a hotfix: a patch release after a deploy of its line fails that deploy", () => {
    const regressed = deploy("2.14.0", ago(100));
    const hotfix = deploy("2.14.1", ago(80));
    const report = computeDora(history({ deploys: [deploy("2.13.0", ago(200)), regressed, hotfix] }), options);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({
      kind: "hotfix",
      version: "2.14.0",
      deployId: regressed.id,
      counted: true,
    });
    expect(report.deploys.find((d) => d.id === hotfix.id)!.failed).toBe(false);
    expect(report.deploys.find((d) => d.id === regressed.id)).toMatchObject({ recoveryHours: 20 });
  });

  it("lists a hotfix outside the failure window without counting it", () => {
    const report = computeDora(history({ deploys: [deploy("2.14.0", ago(100)), deploy("2.14.1", ago(40))] }), options);
    expect(report.failures[0]).toMatchObject({ kind: "hotfix", counted: false });
    expect(report.summary.failedDeployments).toBe(0);
  });

  it("a stored rollback incident and a hotfix on the same deploy make one failed deploy", () => {
    const regressed = deploy("2.14.0", ago(100));
    const report = computeDora(
      history({
        deploys: [regressed, deploy("2.14.1", ago(90))],
        incidents: [incident("2.14.0", ago(95), { kind: "rollback", summary: "Rollback gate raised" })],
      }),
      options,
    );
    expect(report.summary.failedDeployments).toBe(1);
    expect(report.deploys[0]!.failures.map((f) => f.kind).sort()).toEqual(["hotfix", "rollback"]);
    // From the earlier start (the deploy itself, by the hotfix) to the hotfix: 10 h.
    expect(report.deploys[0]!.recoveryHours).toBe(10);
  });

  it("reports an unrecovered failed deploy as ongoing", () => {
    const report = computeDora(
      history({ deploys: [deploy("1.0.0", ago(10))], incidents: [incident("1.0.0", ago(9))] }),
      options,
    );
    expect(report.summary.recoveryHours.samples).toBe(0);
    expect(report.exclusions.find((e) => e.reason === "recovery_ongoing")).toMatchObject({
      count: 1,
      examples: ["1.0.0"],
    });
  });

  it("does not count a later failed deploy as the healthy one that ends recovery", () => {
    const d1 = deploy("1.0.0", ago(100));
    const d2 = deploy("1.1.0", ago(98));
    const d3 = deploy("1.2.0", ago(90));
    const report = computeDora(
      history({ deploys: [d1, d2, d3], incidents: [incident("1.0.0", ago(99)), incident("1.1.0", ago(97))] }),
      options,
    );
    expect(report.deploys.find((d) => d.id === d1.id)).toMatchObject({
      recoveryHours: 9,
      recoveredBy: "deploy of 1.2.0",
    });
  });
});

describe("projects", () => {
  const deploys = [
    deploy("1.0.0", ago(50), { projects: ["web", "api"] }),
    deploy("1.1.0", ago(40), { projects: ["api"] }),
  ];
  const incidents = [incident("1.1.0", ago(39), { project: "api" })];

  it("breaks the summary down per project", () => {
    const report = computeDora(history({ deploys, incidents }), options);
    expect(report.projects.map((p) => [p.project, p.deployments, p.failedDeployments])).toEqual([
      ["api", 2, 1],
      ["web", 1, 0],
    ]);
  });

  it("filters to one project, keeping incidents of no project", () => {
    const report = computeDora(history({ deploys, incidents }), { ...options, project: "web" });
    expect(report.project).toBe("web");
    expect(report.summary.deployments).toBe(1);
    expect(report.summary.failedDeployments).toBe(0);
    expect(report.projects).toEqual([]);
  });
});

describe("weekly trend", () => {
  it("puts each key in the week its deploy finished", () => {
    const report = computeDora(
      history({
        deploys: [deploy("1.0.0", ago(24 * 8)), deploy("1.1.0", ago(24 * 7 + 12)), deploy("1.2.0", ago(2))],
        commits: [{ version: "1.2.0", sha: "a", committedAt: ago(8) }],
        incidents: [incident("1.0.0", ago(24 * 8 - 1), { resolvedAt: ago(24 * 8 - 3) })],
      }),
      options,
    );
    const [, , , previous, last] = report.weeks;
    expect(previous).toMatchObject({ deployments: 2, changeFailureRate: 0.5, recoveryP50Hours: 2 });
    expect(last).toMatchObject({ deployments: 1, leadTimeP50Hours: 6, changeFailureRate: 0 });
  });
});
