import { describe, expect, it } from "vitest";
import { buildSentryData } from "./sentry";
import { releaseCommits } from "./sentry-commits";
import { HOTFIX_DELAY_MS } from "./sentry-hotfix";
import type { SentryDeploy, SentryOrgData, SentryRelease } from "./sentry-types";
import { buildWorld } from "./world";

/** The delivery history the seed gives Sentry: deploys per release, the hotfix of the failed one, commit times. */

const NOW = new Date("2026-11-20T12:00:00Z");
const HOUR_MS = 3_600_000;
const data = buildSentryData(buildWorld({ size: "demo", seed: 42, now: NOW }));

const deploysOf = (org: SentryOrgData, release: SentryRelease): SentryDeploy[] =>
  org.deploys.filter((d) => d.version === release.version);
const productionOf = (org: SentryOrgData, release: SentryRelease) =>
  deploysOf(org, release).find((d) => d.environment === "production");

describe.each(data.orgs.map((org) => [org.slug, org] as const))("the %s org's delivery history", (_, org) => {
  const released = org.releases.filter((r) => r.dateReleased !== null);
  const rollingOut = org.releases.filter((r) => r.dateReleased === null);

  it("deploys every released release to staging and then to production at its release time", () => {
    expect(released.length).toBeGreaterThan(10);
    for (const release of released) {
      const deploys = deploysOf(org, release);
      expect(deploys.map((d) => d.environment)).toEqual(["staging", "production"]);
      const [staging, production] = deploys as [SentryDeploy, SentryDeploy];
      expect(production.dateFinished).toEqual(release.dateReleased);
      expect(production.dateStarted!.getTime()).toBeLessThan(production.dateFinished.getTime());
      expect(staging.dateFinished.getTime()).toBeLessThan(production.dateStarted!.getTime());
      expect(staging.dateStarted!.getTime()).toBeGreaterThan(release.dateCreated.getTime());
      expect(release.deployCount).toBe(2);
    }
  });

  it("has the newest release, still rolling out, on staging only", () => {
    expect(rollingOut.map((r) => r.version)).toEqual([org.releases.at(-1)?.version]);
    const [newest] = rollingOut as [SentryRelease];
    expect(deploysOf(org, newest).map((d) => d.environment)).toEqual(["staging"]);
    expect(newest.deployCount).toBe(1);
  });

  it("gives every deploy its own id", () => {
    expect(new Set(org.deploys.map((d) => d.id)).size).toBe(org.deploys.length);
  });

  it("follows the regressed release with a hotfix about 20 hours later, deployed to staging and production", () => {
    const parent = org.releases.find((r) => r.version === org.regressedRelease) as SentryRelease;
    const hotfix = org.releases[org.releases.indexOf(parent) + 1] as SentryRelease;
    const [major, minor] = parent.version.split(".");
    expect(hotfix).toMatchObject({ version: `${major}.${minor}.1`, hotfixOf: parent.version });
    expect(hotfix.dateReleased!.getTime() - parent.dateReleased!.getTime()).toBe(HOTFIX_DELAY_MS);
    expect(HOTFIX_DELAY_MS).toBe(20 * HOUR_MS);
    expect(deploysOf(org, hotfix).map((d) => d.environment)).toEqual(["staging", "production"]);
    expect(org.releases.filter((r) => r.hotfixOf)).toEqual([hotfix]);

    const commits = releaseCommits(data.seed, org, hotfix);
    expect(commits.length).toBeGreaterThanOrEqual(2);
    expect(commits.length).toBeLessThanOrEqual(4);
    for (const commit of commits) {
      expect(commit.message).toMatch(/^Hotfix: /);
      // Made between the failed deploy and the fix.
      expect(commit.dateMs).toBeGreaterThan(productionOf(org, parent)!.dateFinished.getTime());
      expect(commit.dateMs).toBeLessThan(hotfix.dateCreated.getTime());
    }
  });

  it("gives the hotfix sessions that crash far less than its parent's, and keeps the parent measurable", () => {
    const crashRate = (version: string) => {
      const series = org.sessions.filter((s) => s.release === version);
      const total = series.reduce((sum, s) => sum + s.total.total(), 0);
      return { total, rate: series.reduce((sum, s) => sum + s.crashed.total(), 0) / total };
    };
    const parent = crashRate(org.regressedRelease);
    const hotfix = crashRate(org.releases.find((r) => r.hotfixOf)!.version);
    expect(hotfix.total).toBeGreaterThan(1000);
    expect(parent.total).toBeGreaterThan(1000);
    expect(hotfix.rate).toBeLessThan(parent.rate / 4);
  });

  it("dates every release's commits before its production deploy, from hours to days before", () => {
    const leadHours: number[] = [];
    for (const release of released) {
      const commits = releaseCommits(data.seed, org, release);
      expect(commits).toHaveLength(release.commitCount);
      const deployedMs = productionOf(org, release)!.dateFinished.getTime();
      const times = commits.map((c) => c.dateMs);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      for (const commit of commits) {
        expect(commit.author).toMatchObject({ name: expect.any(String), email: expect.stringContaining("@") });
        expect(commit.dateMs).toBeLessThan(deployedMs);
        leadHours.push((deployedMs - commit.dateMs) / HOUR_MS);
      }
    }
    expect(Math.min(...leadHours)).toBeGreaterThan(2);
    expect(Math.min(...leadHours)).toBeLessThan(8);
    expect(Math.max(...leadHours)).toBeGreaterThan(72);
  });
});

it("seeds the same deploys and commits on every build with the same seed", () => {
  const again = buildSentryData(buildWorld({ size: "demo", seed: 42, now: NOW }));
  expect(again.orgs.map((o) => o.deploys)).toEqual(data.orgs.map((o) => o.deploys));
  const [org] = again.orgs as [SentryOrgData];
  const release = org.releases[3] as SentryRelease;
  expect(releaseCommits(again.seed, org, release)).toEqual(releaseCommits(data.seed, data.orgs[0]!, release));
});
