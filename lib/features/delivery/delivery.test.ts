import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSentryEmulator, startSentryEmulator } from "@/emulators/sentry";
import { db } from "@/lib/db/client";
import { doraMetricsOutput } from "@/lib/features/agents/tools/dora-metrics";
import { getSentryConfig } from "@/lib/integrations/connections";
import { useSeededDatabase } from "@/test/fixtures/database";
import { backfillDeliveryHistory } from "./backfill";
import { SENTRY_DEPLOYS_SOURCE } from "./constants";
import { recordPullRequestFromDelivery } from "./pull-requests";
import { loadDoraPage } from "./load";
import { doraTables } from "./tables";

/** Forwards to the emulator and keeps each request's path, so a test can say which reads were made. */
async function startRecordingProxy(upstream: string) {
  const paths: string[] = [];
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? "");
    const forward = http.request(
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const DAY_MS = 86_400_000;

/**
 * The delivery history filled from the Sentry emulator: the four keys equal what the emulator's own API says
 * (its releases and their deploys, asked directly), orgs stay apart, and a second fill reads no complete release.
 */
describe("delivery history", () => {
  let sentry: RunningSentryEmulator;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let acme: string;
  let globex: string;
  let token: string;
  const now = new Date();

  beforeAll(async () => {
    sentry = await startSentryEmulator({ port: 0 });
    proxy = await startRecordingProxy(sentry.url);
  });
  useSeededDatabase({
    label: "delivery",
    seed: () => ({ urls: { sentry: proxy.url, jira: "http://127.0.0.1:1" } }),
  });
  beforeAll(async () => {
    acme = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    globex = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    token = (await getSentryConfig({ orgId: acme }))!.authToken;
    await backfillDeliveryHistory({ orgId: acme, now });
  }, 120_000);
  afterAll(async () => {
    await proxy.close();
    await sentry.close();
  });

  /** Sentry's own answer, asked directly (not through Bosun's client). */
  async function sentryGet<T>(path: string): Promise<{ body: T; next: string | null }> {
    const response = await fetch(`${sentry.url}/api/0/organizations/acme/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const next = /<([^>]+)>; rel="next"; results="true"/.exec(response.headers.get("link") ?? "");
    return { body: (await response.json()) as T, next: next?.[1] ?? null };
  }

  type ApiRelease = { version: string; dateCreated: string };
  type ApiDeploy = { id: string; environment: string; dateFinished: string };
  async function productionDeploysFromApi() {
    const releases: ApiRelease[] = [];
    let url: string | null = "releases/?per_page=100";
    while (url) {
      const page: { body: ApiRelease[]; next: string | null } = await sentryGet<ApiRelease[]>(url);
      releases.push(...page.body);
      url = page.next ? page.next.replace(/^.*\/organizations\/acme\//, "") : null;
    }
    const deploys: (ApiDeploy & { version: string })[] = [];
    for (const release of releases.filter((r) => new Date(r.dateCreated) >= new Date(now.getTime() - 180 * DAY_MS))) {
      const { body } = await sentryGet<ApiDeploy[]>(`releases/${encodeURIComponent(release.version)}/deploys/`);
      deploys.push(...body.map((d) => ({ ...d, version: release.version })));
    }
    return deploys.filter((d) => d.environment === "production");
  }

  it("counts exactly the production deploys the emulator lists in each window", async () => {
    const production = await productionDeploysFromApi();
    expect(production.length).toBeGreaterThan(0);
    for (const days of [30, 90, 180] as const) {
      const since = now.getTime() - days * DAY_MS;
      const expected = production.filter((d) => new Date(d.dateFinished).getTime() >= since);
      const page = await loadDoraPage({
        orgId: acme,
        filters: { days, environment: "production", project: null },
        now,
      });
      const output = doraMetricsOutput(page);
      expect(output.deployments, `${days} days`).toBe(expected.length);
      expect(page.report.deploys.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
      expect(output.deploymentFrequencyPerWeek).toBeCloseTo(expected.length / (days / 7), 2);
      expect(output.thresholdsSource.year).toBe(2024);
    }
  });

  it("samples lead time from exactly the commits the emulator lists for the releases deployed in the window", async () => {
    const production = await productionDeploysFromApi();
    const since = now.getTime() - 90 * DAY_MS;
    // A commit ships with the earliest production deploy of a release that contains it.
    const firstDeployOf = new Map<string, number>();
    for (const d of production) {
      const at = Date.parse(d.dateFinished);
      const commits = await sentryGet<{ id: string; dateCreated: string | null }[]>(
        `releases/${encodeURIComponent(d.version)}/commits/?per_page=100`,
      );
      for (const c of commits.body) {
        const known = firstDeployOf.get(c.id);
        if (known === undefined || at < known) firstDeployOf.set(c.id, at);
      }
    }
    const expected = [...firstDeployOf.entries()].filter(([, at]) => at >= since).map(([sha]) => sha);
    const page = await loadDoraPage({
      orgId: acme,
      filters: { days: 90, environment: "production", project: null },
      now,
    });
    const excluded = page.report.exclusions
      .filter((e) => e.reason === "commit_without_time" || e.reason === "commit_after_deploy")
      .reduce((n, e) => n + e.count, 0);
    expect(page.report.leadTimes.length + excluded).toBe(expected.length);
    expect(page.report.leadTimes.map((s) => s.sha).every((sha) => expected.includes(sha))).toBe(true);
  });

  it("takes the hotfix of the regressed release for a failure of its deploy", async () => {
    const production = await productionDeploysFromApi();
    const hotfix = production.find((d) => /^\d+\.\d+\.[1-9]\d*$/.test(d.version));
    const page = await loadDoraPage({
      orgId: acme,
      filters: { days: 180, environment: "production", project: null },
      now,
    });
    // The demo's regressed release has its hotfix deployed about 20 hours later.
    expect(hotfix).toBeDefined();
    const parent = production.find((d) => d.version === hotfix!.version.replace(/\.\d+$/, ".0"))!;
    const failure = page.report.failures.find((f) => f.kind === "hotfix");
    expect(failure).toMatchObject({ version: parent.version, deployId: parent.id, counted: true });
    const hours = (Date.parse(hotfix!.dateFinished) - Date.parse(parent.dateFinished)) / 3_600_000;
    expect(page.report.deploys.find((d) => d.id === parent.id)).toMatchObject({
      failed: true,
      recoveredBy: `deploy of ${hotfix!.version}`,
    });
    expect(page.report.deploys.find((d) => d.id === parent.id)!.recoveryHours).toBeCloseTo(hours, 5);
    expect(page.report.deploys.find((d) => d.id === hotfix!.id)!.failed).toBe(false);
    expect(page.report.summary.recoveryHours.samples).toBeGreaterThan(0);
  });

  it("computes lead time from the release commits Sentry lists, with nothing but PostgreSQL", async () => {
    const page = await loadDoraPage({
      orgId: acme,
      filters: { days: 180, environment: "production", project: null },
      now,
    });
    const stored = await db.releaseCommit.count({ where: { orgId: acme } });
    expect(stored).toBeGreaterThan(0);
    const counted =
      page.report.leadTimes.length +
      page.report.exclusions
        .filter((e) => e.reason === "commit_without_time" || e.reason === "commit_after_deploy")
        .reduce((n, e) => n + e.count, 0);
    expect(counted).toBeGreaterThan(0);
    for (const sample of page.report.leadTimes) expect(sample.hours).toBeGreaterThanOrEqual(0);
    // A page view reads no upstream service once history exists.
    const before = proxy.paths.length;
    await loadDoraPage({ orgId: acme, filters: { days: 30, environment: "production", project: null }, now });
    expect(proxy.paths.length).toBe(before);
  });

  it("records a merged pull request from GitHub and splits the lead time of its merge commit", async () => {
    const sample = (
      await loadDoraPage({ orgId: acme, filters: { days: 180, environment: "production", project: null }, now })
    ).report.leadTimes[0]!;
    const merged = new Date(sample.committedAt.getTime());
    const recorded = await recordPullRequestFromDelivery({
      orgId: acme,
      delivery: {
        source: "github",
        eventType: "pull_request.closed",
        payload: {
          action: "closed",
          number: 41,
          pull_request: {
            title: "Berth booking",
            created_at: new Date(merged.getTime() - 5 * 3_600_000).toISOString(),
            merged_at: merged.toISOString(),
            merge_commit_sha: sample.sha,
            head: { sha: "feedface" },
          },
          repository: { full_name: "acme/harbour" },
        },
      },
    });
    expect(recorded).toBe(true);
    const again = await loadDoraPage({
      orgId: acme,
      filters: { days: 180, environment: "production", project: null },
      now,
    });
    const split = again.report.leadTimes.find((s) => s.sha === sample.sha)!;
    expect(split.pullRequest).toMatchObject({ repo: "acme/harbour", number: 41, openToMergeHours: 5 });
    expect(split.pullRequest!.mergeToDeployHours).toBeCloseTo(sample.hours, 5);
  });

  it("keeps orgs apart: globex sees none of acme's deploys", async () => {
    const page = await loadDoraPage({
      orgId: globex,
      filters: { days: 180, environment: "production", project: null },
      now,
    });
    expect(page.report.summary.deployments).toBe(0);
    expect(page.environments).toEqual([]);
    expect(page.history.status).toBe("filling");
    const table = await doraTables["dora-deploys"]!({
      orgId: globex,
      orgSlug: "globex",
      params: new URLSearchParams("days=180"),
      now,
    });
    expect(table!.rows).toEqual([]);
    expect(await db.deploy.count({ where: { orgId: globex } })).toBe(0);
  });

  it("a second fill reads the release list but no complete release again", async () => {
    const before = proxy.paths.length;
    const result = await backfillDeliveryHistory({ orgId: acme, now });
    const reads = proxy.paths.slice(before);
    expect(result!.read).toBe(0);
    expect(reads.filter((p) => /\/releases\/[^/]+\/(deploys|commits)\//.test(p))).toEqual([]);
    expect(reads.filter((p) => /firstRelease/.test(decodeURIComponent(p)))).toEqual([]);
    const progress = await db.historyBackfill.findUniqueOrThrow({
      where: { orgId_source: { orgId: acme, source: SENTRY_DEPLOYS_SOURCE } },
    });
    expect(progress.completedAt).toEqual(now);
    expect(progress.reachedBack!.getTime()).toBeGreaterThanOrEqual(now.getTime() - 180 * DAY_MS);
  });

  it("the export tables hold the page's rows", async () => {
    const params = new URLSearchParams("days=90&environment=production");
    const page = await loadDoraPage({
      orgId: acme,
      filters: { days: 90, environment: "production", project: null },
      now,
    });
    const summary = await doraTables["dora-summary"]!({ orgId: acme, orgSlug: "acme", params, now });
    expect(summary!.rows[0]).toMatchObject({
      key: "Deployment frequency",
      samples: `${page.report.deploys.length} deploys`,
    });
    const deploys = await doraTables["dora-deploys"]!({ orgId: acme, orgSlug: "acme", params, now });
    expect(deploys!.rows).toHaveLength(page.report.deploys.length);
  });
});
