import "server-only";
import { readThrough } from "@/lib/platform/cache/read-through";
import {
  compareWithBefore,
  sortTransactions,
  type PerformanceSettings,
  type RankedTransaction,
  type TransactionSort,
} from "@/lib/domain/performance";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { getSentryConfig } from "@/lib/integrations/connections";
import type { SentryClientConfig } from "@/lib/integrations/sentry";
import {
  readApiLatencySeries,
  readTransactionP95s,
  readTransactions,
  readVitalSeries,
  readWebVitals,
} from "@/lib/integrations/sentry/performance";
import type { PerformanceFilters, PerformanceSeries, VitalSummary } from "@/lib/integrations/sentry/performance-types";
import { listProjectRefs, type SentryProjectRef } from "@/lib/integrations/sentry/project-refs";
import { getPerformanceSettings } from "./settings";

export type PerformancePeriod = PerformanceFilters["statsPeriod"];
export const PERFORMANCE_PERIODS: PerformancePeriod[] = ["24h", "7d", "30d"];

/** What the URL asks for: a project by slug, an environment by name, a period and the table's sort. */
export type PerformancePageFilters = {
  period: PerformancePeriod;
  project?: string;
  environment?: string;
  sort: TransactionSort;
};

/** One panel's read: its value with freshness, or why Sentry gave nothing (and nothing was cached). */
export type PanelRead<T> =
  | { status: "ok"; value: T; fetchedAt: Date; stale: boolean; error: string | null }
  | { status: "unavailable"; message: string };

export type PerformancePage =
  | { status: "not-connected" }
  | {
      status: "ok";
      filters: PerformancePageFilters;
      /** The projects and environments for the filters. */
      options: Promise<PanelRead<{ projects: SentryProjectRef[]; environments: string[] }>>;
      /** A project or environment in the URL that Sentry does not have, ignored (all are shown instead). */
      ignored: { project: string | null; environment: string | null };
      settings: PerformanceSettings;
      vitals: Promise<PanelRead<VitalSummary[]>>;
      transactions: Promise<PanelRead<RankedTransaction[]>>;
      vitalSeries: Promise<PanelRead<PerformanceSeries>>;
      apiSeries: Promise<PanelRead<PerformanceSeries>>;
    };

const TTL_MS = 5 * 60_000;
/** Projects and environments change rarely. */
const OPTIONS_TTL_MS = 10 * 60_000;
const PERIOD_MS: Record<PerformancePeriod, number> = {
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

/**
 * The Performance page: web vitals, transactions and two time series for one project, environment and period —
 * four Explore requests (a fifth for the earlier period when ranking the most regressed), each cached per org and
 * filter and each panel streaming on its own. The project list is read first only when the URL names a project or
 * environment (Sentry filters by project id, and an unknown name must not reach Sentry or the cache).
 */
export async function loadPerformancePage({
  orgId,
  filters: requested,
  requestId,
  force = false,
  now = new Date(),
}: {
  orgId: string;
  filters: PerformancePageFilters;
  requestId?: string;
  force?: boolean;
  now?: Date;
}): Promise<PerformancePage> {
  // The settings and the connection are read alongside the cache: a panel whose entry is fresh never waits for the
  // connection, and one that must go to Sentry waits only for the credentials its request needs.
  const settingsRead = getPerformanceSettings({ orgId });
  const configRead = getSentryConfig({ orgId, requestId });
  const connected = async () => {
    const config = await configRead;
    if (!config)
      throw new IntegrationError({ service: "sentry", reason: "bad_credentials", message: "Sentry is not connected." });
    return config;
  };
  const options = panel(() =>
    readThrough({
      orgId,
      key: "sentry:performance:projects",
      ttlMs: OPTIONS_TTL_MS,
      load: async () => listProjectRefs(await connected()),
    }),
  );
  const needsOptions = Boolean(requested.project || requested.environment);
  const checked = needsOptions ? await options : null;
  const known = checked?.status === "ok" ? checked.value : { projects: [], environments: [] };
  const project = known.projects.find((p) => p.slug === requested.project);
  const environment = known.environments.includes(requested.environment ?? "") ? requested.environment : undefined;
  const filters: PerformancePageFilters = { ...requested, project: project?.slug, environment };
  const sentryFilters: PerformanceFilters = { statsPeriod: filters.period, projectId: project?.id, environment };
  const scope = `${filters.period}:${project?.id ?? "*"}:${environment ?? "*"}`;
  const cached = <T>(name: string, load: () => Promise<T>) =>
    panel(() => readThrough({ orgId, key: `sentry:performance:${name}:${scope}`, ttlMs: TTL_MS, force, load }));

  const vitals = cached("vitals", async () => readWebVitals(await connected(), sentryFilters));
  const vitalSeries = cached("vital-series", async () => readVitalSeries(await connected(), sentryFilters));
  const apiSeries = cached("api-series", async () => readApiLatencySeries(await connected(), sentryFilters));
  const before =
    filters.sort === "regressed"
      ? cached("transactions-before", async () => readEarlierPeriod(await connected(), sentryFilters, now))
      : Promise.resolve(null);
  // Apdex depends on the org's T, so the rows carry the T they were counted with. The key leaves T out: the
  // lookup starts with the others instead of after the settings read (the transactions read is the slowest of
  // the page), and rows counted with another T are read again.
  const readRows = (refresh: boolean) =>
    panel(() =>
      readThrough({
        orgId,
        key: `sentry:performance:transactions:${scope}`,
        ttlMs: TTL_MS,
        force: force || refresh,
        load: async () => {
          const { apdexThresholdMs } = await settingsRead;
          return { apdexThresholdMs, rows: await readTransactions(await connected(), sentryFilters, apdexThresholdMs) };
        },
      }),
    );
  const rows = withCurrentThreshold(readRows, settingsRead);
  const transactions = rankTransactions(rows, before, filters.sort);
  const settings = await settingsRead;
  // Each panel awaits its own read later; until then a failure must not count as an unhandled rejection.
  for (const read of [options, vitals, vitalSeries, apiSeries, transactions]) void read.catch(() => undefined);
  if (!(await configRead)) return { status: "not-connected" };
  return {
    status: "ok",
    filters,
    options,
    ignored: {
      project: requested.project && !project ? requested.project : null,
      environment: requested.environment && !environment ? requested.environment : null,
    },
    settings,
    vitals,
    transactions,
    vitalSeries,
    apiSeries,
  };
}

function readEarlierPeriod(config: SentryClientConfig, filters: PerformanceFilters, now: Date) {
  const length = PERIOD_MS[filters.statsPeriod];
  const end = new Date(now.getTime() - length);
  const start = new Date(end.getTime() - length);
  const { projectId, environment } = filters;
  return readTransactionP95s(
    config,
    { projectId, environment },
    { start: start.toISOString(), end: end.toISOString() },
  );
}

type CountedRows = { apdexThresholdMs: number; rows: Awaited<ReturnType<typeof readTransactions>> };

/** The cached rows if they were counted with the org's current apdex T, else a fresh read. */
async function withCurrentThreshold(
  read: (refresh: boolean) => Promise<PanelRead<CountedRows>>,
  settingsRead: Promise<PerformanceSettings>,
): Promise<PanelRead<CountedRows["rows"]>> {
  const [first, settings] = await Promise.all([read(false), settingsRead]);
  const counted = (r: PanelRead<CountedRows>) =>
    r.status === "ok" && r.value.apdexThresholdMs === settings.apdexThresholdMs;
  const current = first.status === "ok" && !counted(first) ? await read(true) : first;
  if (current.status !== "ok") return current;
  // Sentry failed the new read and only rows under the old T are left: they would show the wrong apdex.
  if (!counted(current)) return { status: "unavailable", message: current.error ?? "Sentry did not answer." };
  return { ...current, value: current.value.rows };
}

async function rankTransactions(
  rows: Promise<PanelRead<Awaited<ReturnType<typeof readTransactions>>>>,
  before: Promise<PanelRead<Record<string, { p95: number | null; count: number }>> | null>,
  sort: TransactionSort,
): Promise<PanelRead<RankedTransaction[]>> {
  const [current, earlier] = await Promise.all([rows, before]);
  if (current.status !== "ok") return current;
  // Without the earlier period the table still shows; it only cannot rank by regression.
  const compared = compareWithBefore(current.value, earlier?.status === "ok" ? earlier.value : null);
  return { ...current, value: sortTransactions(compared, sort) };
}

/** A read whose integration failure becomes the panel's message instead of failing the page. */
async function panel<T>(
  read: () => Promise<{ value: T; fetchedAt: Date; stale: boolean; error: string | null }>,
): Promise<PanelRead<T>> {
  try {
    const { value, fetchedAt, stale, error } = await read();
    return { status: "ok", value, fetchedAt, stale, error };
  } catch (error) {
    if (error instanceof IntegrationError) return { status: "unavailable", message: integrationErrorText(error) };
    throw error;
  }
}
