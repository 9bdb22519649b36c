import type { DoraDeploy, DoraHistory, DoraIncident } from "./types";

/** Hand-made histories for the four keys' tests: times are hours after a fixed start. */
export const T0 = Date.UTC(2026, 0, 1);
export const NOW = new Date(T0 + 60 * 24 * 3_600_000);
export const at = (hours: number) => new Date(T0 + hours * 3_600_000);
/** Hours before NOW, for histories that must fall in the window. */
export const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

let nextId = 0;
export function deploy(version: string, finished: Date, extra: Partial<DoraDeploy> = {}): DoraDeploy {
  nextId += 1;
  return { id: `d${nextId}`, version, environment: "production", dateFinished: finished, projects: ["web"], ...extra };
}

export function incident(version: string, started: Date, extra: Partial<DoraIncident> = {}): DoraIncident {
  return {
    kind: "crash_regression",
    version,
    environment: "production",
    project: null,
    startedAt: started,
    resolvedAt: null,
    summary: `Crash-free regression in ${version}`,
    ...extra,
  };
}

export const history = (partial: Partial<DoraHistory>): DoraHistory => ({
  deploys: [],
  commits: [],
  pullRequests: [],
  incidents: [],
  ...partial,
});
