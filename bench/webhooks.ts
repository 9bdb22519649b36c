/**
 * Figure 6: webhook acknowledgement latency under an open-loop load of signed
 * Sentry metric-alert deliveries, then — after the queue drains, or a time
 * limit — lost and duplicated tickets, checked against the Jira emulator.
 *
 * The load is an alert storm: `incidents` incidents, each firing, easing and
 * resolving again and again (critical → warning → resolved → critical …), every
 * delivery a distinct body, so every one is accepted and queued. The seeded
 * rule files one bug per incident on its first critical alert; every later
 * delivery of that incident must find the bug and file nothing. So each
 * incident should end with exactly one ticket: none is a lost write, two a
 * duplicate.
 */
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { signBody } from "@/emulators/sentry/hooks";
import { DEMO_SENTRY_WEBHOOK_SECRETS } from "@/lib/platform/config/demo";
import { processCpuMs, waitUntilQuiet } from "./cpu";
import { type LoadResult, runOpenLoop } from "./load";
import { percentile, round } from "./stats";
import type { Figure } from "./types";

type Backlog = { jobs: number; intents: number };

async function backlog(db: pg.Client): Promise<Backlog> {
  const jobs = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Job" WHERE status IN ('queued', 'running')`);
  const intents = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM "OutboxIntent" WHERE status IN ('pending', 'in_flight')`,
  );
  return { jobs: Number(jobs.rows[0]?.n ?? 0), intents: Number(intents.rows[0]?.n ?? 0) };
}

/**
 * Every issue in the Jira site whose summary carries this run's marker: the
 * distinct issue keys per summary. Oldest first, so issues the worker files
 * while this pages through land after the pages already read; keys are
 * de-duplicated anyway in case a page boundary shifts.
 */
async function jiraSummaries(
  jiraUrl: string,
  site: string,
  marker: string,
  auth: string,
): Promise<Map<string, Set<string>>> {
  const keys = new Map<string, Set<string>>();
  let nextPageToken: string | undefined;
  for (;;) {
    const response = await fetch(`${jiraUrl}/${site}/rest/api/3/search/jql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth },
      body: JSON.stringify({
        jql: `labels = "metric-alert" ORDER BY created ASC`,
        fields: ["summary"],
        maxResults: 100,
        nextPageToken,
      }),
    });
    if (!response.ok) throw new Error(`Jira search: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as {
      issues: { key: string; fields: { summary: string } }[];
      nextPageToken?: string;
      isLast?: boolean;
    };
    for (const issue of page.issues) {
      if (!issue.fields.summary.includes(marker)) continue;
      const set = keys.get(issue.fields.summary) ?? new Set<string>();
      set.add(issue.key);
      keys.set(issue.fields.summary, set);
    }
    if (page.isLast !== false || !page.nextPageToken) return keys;
    nextPageToken = page.nextPageToken;
  }
}

const ACTIONS = ["critical", "warning", "resolved"] as const;

/** Latency by the second the requests were scheduled in: shows whether the tail is steady or a few stalls. */
function perSecond({ latenciesMs, scheduledMs }: LoadResult) {
  const buckets = new Map<number, number[]>();
  latenciesMs.forEach((latency, k) => {
    const second = Math.floor((scheduledMs[k] ?? 0) / 1000);
    const bucket = buckets.get(second);
    if (bucket) bucket.push(latency);
    else buckets.set(second, [latency]);
  });
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, values]) => ({
      second,
      n: values.length,
      p50: round(percentile(values, 50)),
      p99: round(percentile(values, 99)),
      max: round(percentile(values, 100)),
    }));
}

/** A signed Sentry metric_alert delivery as Sentry sends it: the body and its headers. */
export function metricAlertDelivery({
  action,
  description,
  alertId,
  title,
  secret,
}: {
  action: string;
  description: string;
  alertId: string;
  title: string;
  secret: string;
}) {
  const body = JSON.stringify({
    action,
    installation: { uuid: "bench" },
    data: {
      description_text: description,
      web_url: null,
      metric_alert: { id: alertId, title, projects: ["bench-only"] },
    },
    actor: { type: "application", id: "sentry", name: "Sentry" },
  });
  return {
    body,
    headers: {
      "content-type": "application/json",
      "sentry-hook-resource": "metric_alert",
      "sentry-hook-timestamp": String(Math.floor(Date.now() / 1000)),
      "sentry-hook-signature": signBody(body, secret),
    },
  };
}

/**
 * Signed, distinct `resolved` metric alerts cycling over 500 alert ids, for the throughput loops: a resolved alert
 * files nothing, so those loops leave no tickets behind.
 */
export function resolvedAlerts(run: string, label: string) {
  const secret = DEMO_SENTRY_WEBHOOK_SECRETS.acme;
  return (i: number) =>
    metricAlertDelivery({
      action: "resolved",
      description: `bench ${run} delivery ${i}`,
      alertId: `${run}-${i % 500}`,
      title: `Bench ${label} ${run}-${i % 500}`,
      secret,
    });
}

export async function measureWebhooks({
  baseUrl,
  databaseUrl,
  jiraUrl,
  jiraAuth,
  rate,
  seconds,
  incidents,
  drainTimeoutSeconds,
  serverPid,
  workerPid,
}: {
  /** One web process, or several taking the deliveries in turn (the scale-out figure). */
  baseUrl: string | string[];
  databaseUrl: string;
  jiraUrl: string;
  jiraAuth: string;
  rate: number;
  seconds: number;
  incidents: number;
  drainTimeoutSeconds: number;
  serverPid?: number;
  workerPid?: number;
}): Promise<Figure> {
  const run = `b${Date.now().toString(36)}`;
  const intakeUrls = [baseUrl].flat().map((url) => `${url}/api/webhooks/sentry/acme`);
  const secret = DEMO_SENTRY_WEBHOOK_SECRETS.acme;
  const incidentOf = (i: number) => i % incidents;
  const actionOf = (i: number) => ACTIONS[Math.floor(i / incidents) % ACTIONS.length]!;
  const title = (incident: number) => `Bench alert ${run}-${incident}`;
  const build = (i: number) => {
    const incident = incidentOf(i);
    return metricAlertDelivery({
      action: actionOf(i),
      description: `bench ${run} delivery ${i}`,
      alertId: `${run}-${incident}`,
      title: title(incident),
      secret,
    });
  };

  // On a quiet server: work left from what ran before (a page's server render streams on after the browser has
  // gone) must not be charged to the storm's first seconds.
  const settled = await waitUntilQuiet([serverPid, workerPid]);
  // A short warm-up so the first requests do not measure route compilation and connection set-up.
  // (Resolved alerts, which file nothing, so these warm-up incidents never reach Jira.)
  await runOpenLoop({
    url: intakeUrls,
    rate: 20,
    durationSeconds: 1,
    build: (i) => build(incidents * (2 + 3 * (1_000 + i))),
  });
  const cpuBefore = { web: processCpuMs(serverPid), worker: processCpuMs(workerPid) };
  const result = await runOpenLoop({
    url: intakeUrls,
    rate,
    durationSeconds: seconds,
    build,
  });
  const cpuAfter = { web: processCpuMs(serverPid), worker: processCpuMs(workerPid) };
  const cpuDuringLoad = (key: "web" | "worker") =>
    cpuBefore[key] !== null && cpuAfter[key] !== null ? cpuAfter[key]! - cpuBefore[key]! : null;
  const serverCpuMs = cpuDuringLoad("web");
  const workerCpuMs = cpuDuringLoad("worker");
  const accepted = result.bodies.map((text, i) => ({ i, text })).filter(({ text }) => text.includes('"accepted"'));
  // Incidents that should have a ticket: those with at least one accepted critical alert.
  const expected = new Set(accepted.filter(({ i }) => actionOf(i) === "critical").map(({ i }) => incidentOf(i)));

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const drainStarted = performance.now();
    let remaining = await backlog(db);
    const before = remaining;
    while (
      (remaining.jobs > 0 || remaining.intents > 0) &&
      performance.now() - drainStarted < drainTimeoutSeconds * 1000
    ) {
      await sleep(2_000);
      remaining = await backlog(db);
    }
    const drainMs = performance.now() - drainStarted;
    const drained = remaining.jobs === 0 && remaining.intents === 0;
    const dead = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Job" WHERE status IN ('dead', 'failed')`);

    const summaries = await jiraSummaries(jiraUrl, "acme", run, jiraAuth);
    let lost = 0;
    let duplicated = 0;
    let filed = 0;
    const duplicates: { summary: string; keys: string[] }[] = [];
    const expectedSummaries = new Set([...expected].map((incident) => `[Metric alert] ${title(incident)}`));
    for (const summary of expectedSummaries) {
      const keys = summaries.get(summary);
      const count = keys?.size ?? 0;
      if (count === 0) lost++;
      if (count > 1) {
        duplicated += count - 1;
        duplicates.push({ summary, keys: [...keys!] });
      }
      if (count > 0) filed++;
    }
    // A ticket for an incident that never fired critically would be one filed against the rule.
    const unexpected = [...summaries.keys()].filter((summary) => !expectedSummaries.has(summary)).length;
    const intents = await db.query<{ status: string; n: string; attempts: string }>(
      `SELECT status, count(*) AS n, sum(attempts) AS attempts FROM "OutboxIntent" GROUP BY status`,
    );
    const p50 = percentile(result.latenciesMs, 50);
    const p99 = percentile(result.latenciesMs, 99);
    const ackOk = p99 <= 50 && result.dropped === 0 && result.errors === 0;
    return {
      figure: 6,
      name: `Webhook acknowledgement at ${rate}/s for ${seconds} s; lost/duplicated tickets`,
      value: `p50 ${round(p50)} ms, p99 ${round(p99)} ms, max ${round(percentile(result.latenciesMs, 100))} ms (${round(result.achievedRate)} req/s sent, ${accepted.length}/${result.sent} accepted, ${result.dropped} dropped at the in-flight cap, ${result.errors} errors); ${drained ? `drained in ${round(drainMs / 1000)} s` : `NOT drained after ${round(drainMs / 1000)} s (${remaining.jobs} jobs, ${remaining.intents} intents left; ${round((before.jobs - remaining.jobs) / (drainMs / 1000), 1)} jobs/s)`}: ${expected.size} incidents, ${filed} with a ticket, ${lost} ${drained ? "lost" : "not (yet) filed"}, ${duplicated} duplicated, ${unexpected} unexpected`,
      goal: "p99 ≤ 50 ms, 0 lost, 0 duplicated",
      pass: ackOk && drained && lost === 0 && duplicated === 0 && unexpected === 0,
      method: `open-loop generator on loopback (latency from each request's scheduled start; ≤ 512 in flight), signed Sentry metric_alert deliveries to /api/webhooks/sentry/acme for ${incidents} incidents, each cycling critical → warning → resolved with a distinct body per delivery; web process (BOSUN_WORKER=separate) plus one \`npm run worker\` process; then polled Job/OutboxIntent until none queued/running/pending/in-flight (limit ${drainTimeoutSeconds} s); tickets counted by summary in the Jira emulator (labels = metric-alert, distinct keys per summary): each incident with an accepted critical alert must have exactly one`,
      data: {
        rate,
        seconds,
        /** How long the storm waited for the web process and the worker to be quiet first. */
        quietBeforeMs: settled.waitedMs,
        quietBefore: settled.quiet,
        sent: result.sent,
        dropped: result.dropped,
        errors: result.errors,
        errorMessages: result.errorMessages,
        bosunCpuMsPerRequestDuringLoad: serverCpuMs === null ? null : round(serverCpuMs / Math.max(1, result.sent), 2),
        bosunCpuUtilisationDuringLoad: serverCpuMs === null ? null : round(serverCpuMs / result.durationMs, 2),
        workerCpuUtilisationDuringLoad: workerCpuMs === null ? null : round(workerCpuMs / result.durationMs, 2),
        statuses: result.statuses,
        achievedRate: round(result.achievedRate),
        perSecond: perSecond(result),
        p50Ms: round(p50, 2),
        p90Ms: round(percentile(result.latenciesMs, 90), 2),
        p99Ms: round(p99, 2),
        maxMs: round(percentile(result.latenciesMs, 100), 2),
        accepted: accepted.length,
        backlogAfterLoad: before,
        drained,
        drainMs: round(drainMs),
        jobsFinishedPerSecondWhileDraining: round((before.jobs - remaining.jobs) / (drainMs / 1000), 1),
        remaining,
        deadOrFailedJobs: Number(dead.rows[0]?.n ?? 0),
        incidents,
        incidentsExpectingATicket: expected.size,
        incidentsWithATicket: filed,
        unexpectedTickets: unexpected,
        lost: drained ? lost : null,
        notYetFiled: drained ? null : lost,
        duplicated,
        duplicates: duplicates.slice(0, 20),
        outboxIntentsByStatus: intents.rows.map((r) => ({
          status: r.status,
          count: Number(r.n),
          attempts: Number(r.attempts),
        })),
      },
    };
  } finally {
    await db.end();
  }
}
