/**
 * An open-loop load generator on loopback: requests start on a fixed schedule
 * (not when the previous one returns), so a slow server shows up as latency
 * instead of silently lowering the rate. Latency counts from the scheduled
 * start, which avoids coordinated omission. In-flight requests are capped;
 * a request that would exceed the cap is not sent and counted as dropped.
 */
import http from "node:http";

/** `latenciesMs[k]` belongs to the request scheduled `scheduledMs[k]` after the start. */
export type LoadResult = {
  sent: number;
  dropped: number;
  statuses: Record<number, number>;
  errors: number;
  errorMessages: Record<string, number>;
  latenciesMs: number[];
  scheduledMs: number[];
  bodies: string[];
  durationMs: number;
  achievedRate: number;
};

/** `url`: one target, or several that take the requests in turn (app processes behind a round-robin balancer). */
export async function runOpenLoop({
  url,
  rate,
  durationSeconds,
  maxInFlight = 512,
  build,
}: {
  url: string | string[];
  rate: number;
  durationSeconds: number;
  maxInFlight?: number;
  build: (i: number) => { body: string; headers: Record<string, string> };
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const targets = (Array.isArray(url) ? url : [url]).map((u) => new URL(u));
  const total = Math.round(rate * durationSeconds);
  const intervalMs = 1000 / rate;
  const latenciesMs: number[] = [];
  const scheduledMs: number[] = [];
  const bodies: string[] = new Array<string>(total).fill("");
  const statuses: Record<number, number> = {};
  let errors = 0;
  const errorMessages: Record<string, number> = {};
  let dropped = 0;
  let inFlight = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= maxInFlight) {
      dropped++;
      continue;
    }
    const { body, headers } = build(i);
    inFlight++;
    pending.push(
      post(agent, targets[i % targets.length]!, body, headers)
        .then(({ status, text }) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          latenciesMs.push(performance.now() - scheduled);
          scheduledMs.push(scheduled - started);
          bodies[i] = text;
        })
        .catch((error: unknown) => {
          errors++;
          const message =
            error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
          errorMessages[message] = (errorMessages[message] ?? 0) + 1;
        })
        .finally(() => {
          inFlight--;
        }),
    );
  }
  const sendingMs = performance.now() - started;
  await Promise.all(pending);
  const durationMs = performance.now() - started;
  agent.destroy();
  return {
    sent: total - dropped,
    dropped,
    statuses,
    errors,
    errorMessages,
    latenciesMs,
    scheduledMs,
    bodies,
    durationMs,
    achievedRate: ((total - dropped) / sendingMs) * 1000,
  };
}

function post(
  agent: http.Agent,
  target: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
