// Jobs of every org share one NOTIFY channel: a worker wakes for any due job, so nothing here is per org.
import "server-only";
import { listenOnChannel } from "./listen";

export const JOB_CHANNEL = "bosun_jobs";

/**
 * Calls `onJob` whenever a job becomes due anywhere (a trigger on "Job" sends
 * NOTIFY bosun_jobs), on a connection of its own. If the connection drops it
 * reconnects every few seconds; meanwhile the worker's poll still finds the
 * jobs, only a little later. Returns a function that stops listening.
 */
export function listenForJobs(databaseUrl: string, onJob: () => void): () => Promise<void> {
  // Once listening (again), anything that became due meanwhile is picked up at once.
  return listenOnChannel(databaseUrl, JOB_CHANNEL, { onNotify: onJob, onUp: onJob });
}
