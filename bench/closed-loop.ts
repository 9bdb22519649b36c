/**
 * A closed-loop load: `connections` keep-alive connections, each sending its next request as soon as the previous
 * one is answered, for `seconds`. What it measures is capacity — how many requests a server completes per second
 * when it is never idle — where the open loop (load.ts) measures latency at a given rate.
 */
import http from "node:http";
import { processCpuMs } from "./cpu";
import { percentile, round } from "./stats";

export type ClosedLoopResult = {
  completed: number;
  /** Answers with a 2xx status per second of the run. */
  acknowledgedPerSecond: number;
  statuses: Record<number, number>;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers slower than one second (Sentry's deadline). */
  overOneSecond: number;
  durationMs: number;
};

export async function runClosedLoop({
  url,
  connections,
  seconds,
  build,
}: {
  /** One target, or several: connection k sends to url[k % n], as a round-robin balancer would spread them. */
  url: string | string[];
  connections: number;
  seconds: number;
  build: (i: number) => { body: string; headers: Record<string, string> };
}): Promise<ClosedLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const targets = (Array.isArray(url) ? url : [url]).map((u) => new URL(u));
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  const post = (i: number, target: URL) =>
    new Promise<number>((resolve, reject) => {
      const { body, headers } = build(i);
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.end(body);
    });

  async function lane(_: unknown, k: number) {
    const target = targets[k % targets.length]!;
    while (performance.now() < deadline) {
      const sentAt = performance.now();
      try {
        const status = await post(next++, target);
        statuses[status] = (statuses[status] ?? 0) + 1;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sentAt);
    }
  }
  await Promise.all(Array.from({ length: connections }, lane));
  const durationMs = performance.now() - started;
  agent.destroy();
  const acknowledged = Object.entries(statuses)
    .filter(([status]) => Number(status) >= 200 && Number(status) < 300)
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    completed: latencies.length,
    acknowledgedPerSecond: round(acknowledged / (durationMs / 1000)),
    statuses,
    errors,
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    maxMs: round(percentile(latencies, 100), 2),
    overOneSecond: latencies.filter((ms) => ms > 1000).length,
    durationMs: round(durationMs),
  };
}

export type MeasuredTarget = { url: string; pid?: number };

/**
 * `runClosedLoop` against one or more server processes after a 1 s warm-up (its requests built from indexes past a
 * million, so they never repeat the measured ones), with the CPU the processes used per completed request.
 */
export async function measureClosedLoop({
  targets,
  connections,
  seconds,
  build,
}: {
  targets: MeasuredTarget[];
  connections: number;
  seconds: number;
  build: (i: number) => { body: string; headers: Record<string, string> };
}): Promise<ClosedLoopResult & { cpuMsPerRequest: number | null }> {
  const url = targets.map((target) => target.url);
  await runClosedLoop({ url, connections, seconds: 1, build: (i) => build(1_000_000 + i) });
  const cpu = () =>
    targets.reduce<number | null>((sum, target) => {
      const ms = processCpuMs(target.pid);
      return sum === null || ms === null ? null : sum + ms;
    }, 0);
  const before = cpu();
  const result = await runClosedLoop({ url, connections, seconds, build });
  const after = cpu();
  const cpuMs = before !== null && after !== null ? after - before : null;
  return { ...result, cpuMsPerRequest: cpuMs === null ? null : round(cpuMs / Math.max(1, result.completed), 3) };
}
