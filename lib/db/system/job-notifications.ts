// Jobs of every org share one NOTIFY channel: a worker wakes for any due job, so nothing here is per org.
import "server-only";
import pg from "pg";
import { logger } from "@/lib/platform/observability/logger";

export const JOB_CHANNEL = "bosun_jobs";
const RECONNECT_MS = 5_000;

/**
 * Calls `onJob` whenever a job becomes due anywhere (a trigger on "Job" sends
 * NOTIFY bosun_jobs), on a connection of its own. If the connection drops it
 * reconnects every few seconds; meanwhile the worker's poll still finds the
 * jobs, only a little later. Returns a function that stops listening.
 */
export function listenForJobs(databaseUrl: string, onJob: () => void): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: "bosun-job-listener" });
    next.on("notification", onJob);
    next.on("error", (error) => {
      logger.warn({ err: error }, "job notifications lost their connection; reconnecting");
      void next.end().catch(() => {});
      if (client === next) client = null;
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${JOB_CHANNEL}`);
      if (stopped) return void (await next.end());
      client = next;
      // Anything that became due while we were not listening is picked up now.
      onJob();
    } catch (error) {
      logger.warn({ err: error }, "could not listen for job notifications; retrying");
      void next.end().catch(() => {});
      schedule();
    }
  };
  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  };

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
    client = null;
  };
}
