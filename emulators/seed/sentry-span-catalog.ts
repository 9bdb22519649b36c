/**
 * What each seeded project's spans look like: the operations, the
 * (parameterized) transaction names with their share of traffic and typical
 * timings, and how much traffic one release-health session stands for.
 * Timings are log-normal: `median` in milliseconds and `sigma` the spread of
 * the logarithm, so p75 = median × e^(0.674·sigma) and p95 = median × e^(1.645·sigma).
 */

export type PageSpec = { name: string; share: number; lcp: number };
export type EndpointSpec = { name: string; share: number; median: number; sigma: number; failure: number };

export type SpanKind = "pageload" | "interaction" | "server" | "task";

export type SpanFamily = {
  kind: SpanKind;
  /** Spans of this family per release-health session. */
  perSession: number;
  /** Real spans one stored span stands for (the inverse of the sample rate). */
  weight: number;
};

export const UNPARAMETERIZED = "<< unparameterized >>";

/** Web pages; LCP medians are chosen so the release p75 is about 2.3 s with some pages good and one poor. */
export const WEB_PAGES: PageSpec[] = [
  { name: "/", share: 0.17, lcp: 1180 },
  { name: "/dashboard", share: 0.2, lcp: 1460 },
  { name: "/vessels", share: 0.14, lcp: 1600 },
  { name: "/vessels/:id", share: 0.16, lcp: 1740 },
  { name: "/berths/schedule", share: 0.1, lcp: 2020 },
  { name: "/customs/declarations", share: 0.08, lcp: 2250 },
  { name: "/tracking/map", share: 0.1, lcp: 2750 },
  { name: "/billing/invoices", share: 0.04, lcp: 1500 },
  { name: UNPARAMETERIZED, share: 0.01, lcp: 1700 },
];
export const LCP_SIGMA = 0.4;
export const INP_MEDIAN = 110;
export const INP_SIGMA = 0.6;
export const CLS_MEDIAN = 0.045;
export const CLS_SIGMA = 0.9;

export const INTERACTION_OPS = ["ui.interaction.click", "ui.interaction.press", "ui.interaction.hover"] as const;

export const API_ENDPOINTS: EndpointSpec[] = [
  { name: "GET /api/vessels", share: 0.22, median: 80, sigma: 0.5, failure: 0.004 },
  { name: "GET /api/vessels/:id", share: 0.18, median: 60, sigma: 0.45, failure: 0.006 },
  { name: "GET /api/tracking/positions", share: 0.2, median: 120, sigma: 0.5, failure: 0.008 },
  { name: "GET /api/berths/schedule", share: 0.1, median: 180, sigma: 0.55, failure: 0.01 },
  { name: "POST /api/customs/declarations", share: 0.08, median: 240, sigma: 0.6, failure: 0.03 },
  { name: "POST /api/billing/invoices", share: 0.05, median: 350, sigma: 0.5, failure: 0.02 },
  { name: "GET /api/search", share: 0.12, median: 400, sigma: 0.7, failure: 0.012 },
  { name: "GET /api/health", share: 0.05, median: 5, sigma: 0.3, failure: 0 },
];

export const WORKER_TASKS: EndpointSpec[] = [
  { name: "tasks.sync_manifests", share: 0.5, median: 900, sigma: 0.5, failure: 0.01 },
  { name: "tasks.recompute_eta", share: 0.35, median: 1400, sigma: 0.6, failure: 0.02 },
  { name: "tasks.send_invoices", share: 0.15, median: 2600, sigma: 0.4, failure: 0.04 },
];

/** Span families per project slug; projects not listed (e.g. `bosun`) have no spans. */
export const FAMILIES: Record<string, SpanFamily[]> = {
  web: [
    { kind: "pageload", perSession: 1.6, weight: 40 },
    { kind: "interaction", perSession: 1.1, weight: 50 },
  ],
  api: [{ kind: "server", perSession: 4, weight: 200 }],
  worker: [{ kind: "task", perSession: 3, weight: 40 }],
};

/** How much slower the regressed release's page loads are (LCP and FCP scale with it). */
export const REGRESSION_FACTOR = 1.25;
/** Other releases differ from the baseline by at most this much either way. */
export const RELEASE_JITTER = 0.02;

export const FAILURE_STATUSES = ["internal_error", "deadline_exceeded", "unavailable"] as const;
/** Statuses Sentry does not count as failures besides `ok`. */
export const NEUTRAL_STATUSES = ["cancelled", "unknown"] as const;
export const STATUSES = ["ok", ...NEUTRAL_STATUSES, ...FAILURE_STATUSES] as const;
