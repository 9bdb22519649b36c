/**
 * Figure 15: scale-out. Two web processes and two workers on one PostgreSQL, as the README's "Running on more than
 * one machine" describes (processes behind a round-robin balancer, workers sharing the queue). Two questions:
 *
 * - Does throughput grow? The same closed-loop intake load as figure 14, first against one web process, then spread
 *   over two (connection k to process k mod 2, as a balancer would), in the same run.
 * - Is anything done twice? An alert storm spread over both web processes, worked off by both workers, must end
 *   with exactly one Jira ticket per incident (figure 6's check): two workers never run the same job, and the
 *   outbox never performs one write twice.
 */
import { type ClosedLoopResult, type MeasuredTarget, measureClosedLoop } from "./closed-loop";
import { round } from "./stats";
import type { Figure } from "./types";
import { measureWebhooks, resolvedAlerts } from "./webhooks";

/** "Roughly doubles": what two processes should reach against one, given a core per process. */
const GOAL_RATIO = 1.8;

export type WebProcess = MeasuredTarget;

/** Figure 14's closed loop against these processes, connection k on process k mod n. */
const closedLoop = (processes: WebProcess[], run: string, connections: number, seconds: number) =>
  measureClosedLoop({
    targets: processes.map((p) => ({ url: `${p.url}/api/webhooks/sentry/acme`, pid: p.pid })),
    connections,
    seconds,
    build: resolvedAlerts(run, "scale-out"),
  });

const describe = (r: ClosedLoopResult) =>
  `${r.acknowledgedPerSecond}/s (p99 ${r.p99Ms} ms, ${r.overOneSecond} over 1 s)`;

/** Figure 6's storm, as measureWebhooks takes it, but for where it is sent (both processes). */
type StormOptions = Omit<Parameters<typeof measureWebhooks>[0], "baseUrl" | "serverPid" | "workerPid">;

export async function measureScaleOut({
  first,
  startSecond,
  storm: stormOptions,
  connections = 64,
}: {
  /** The web process (and its worker) already running. */
  first: WebProcess;
  /** Starts the second web process and the second worker; they are stopped with everything else at the end. */
  startSecond: () => Promise<WebProcess>;
  /** The storm; its rate and duration also set the throughput loops' duration. */
  storm: StormOptions;
  connections?: number;
}): Promise<Figure> {
  const { rate, seconds, incidents } = stormOptions;
  const second = await startSecond();
  const both = [first, second];

  // Exactly once first, while the throughput loops' jobs are not yet queued.
  const storm = await measureWebhooks({ ...stormOptions, baseUrl: both.map((p) => p.url) });
  const stormData = storm.data as {
    drained: boolean;
    lost: number | null;
    notYetFiled: number | null;
    duplicated: number;
    unexpectedTickets: number;
    incidentsExpectingATicket: number;
    incidentsWithATicket: number;
    p99Ms: number;
    drainMs: number;
  };
  const exactlyOnce =
    stormData.drained && stormData.lost === 0 && stormData.duplicated === 0 && stormData.unexpectedTickets === 0;

  const run = `s${Date.now().toString(36)}`;
  const one = await closedLoop([first], `${run}a`, connections, seconds);
  const two = await closedLoop(both, `${run}b`, connections, seconds);
  const ratio = round(two.acknowledgedPerSecond / Math.max(1, one.acknowledgedPerSecond), 2);

  return {
    figure: 15,
    name: "Scale-out: two web processes and two workers on one PostgreSQL",
    value:
      `two processes ${describe(two)} vs one ${describe(one)}: ${ratio}×; ` +
      `alert storm over both (${rate}/s for ${seconds} s, p99 ${stormData.p99Ms} ms): ` +
      `${stormData.incidentsWithATicket} of ${stormData.incidentsExpectingATicket} incidents with a ticket, ` +
      (stormData.drained
        ? `${stormData.lost} lost, ${stormData.duplicated} duplicated, ${stormData.unexpectedTickets} unexpected (drained in ${round(stormData.drainMs / 1000)} s)`
        : `queue NOT drained after ${round(stormData.drainMs / 1000)} s (${stormData.notYetFiled} not yet filed, ${stormData.duplicated} duplicated)`),
    goal: `≥ ${GOAL_RATIO}× one process's acknowledgements/s; nothing processed twice (0 lost, 0 duplicated)`,
    pass: ratio >= GOAL_RATIO && exactlyOnce,
    method: `a second production server (scripts/server.ts) on the next port and a second \`npm run worker\` on the same database; the storm is figure 6's (signed metric alerts for ${incidents} incidents, open loop) with request i sent to process i mod 2, then the queue drained by both workers and tickets counted in the Jira emulator; throughput is figure 14's closed loop (${connections} connections, ${seconds} s after a 1 s warm-up, resolved alerts) against the first process alone, then with connection k on process k mod 2; CPU per request summed over the web processes from /proc`,
    data: { ratio, exactlyOnce, one, two, storm: storm.data },
  };
}
