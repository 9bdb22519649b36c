import { type Random, createRandom } from "./random";
import {
  API_ENDPOINTS,
  CLS_MEDIAN,
  CLS_SIGMA,
  type EndpointSpec,
  FAILURE_STATUSES,
  FAMILIES,
  INP_MEDIAN,
  INP_SIGMA,
  INTERACTION_OPS,
  LCP_SIGMA,
  NEUTRAL_STATUSES,
  REGRESSION_FACTOR,
  RELEASE_JITTER,
  STATUSES,
  type SpanFamily,
  WEB_PAGES,
  WORKER_TASKS,
} from "./sentry-span-catalog";
import { HOUR_MS } from "./sentry-series";
import type { SentryOrgData, SentryProject, SentryRelease, SessionSeries } from "./sentry-types";

/**
 * Sampled spans for the Explore `spans` dataset, one row per stored span in
 * column arrays (about 40 bytes a row), so a month of an org's traffic takes a
 * few megabytes. Traffic follows the release-health sessions hour by hour, so a
 * release's spans rise and fall with its adoption. Each row carries a weight:
 * the real spans it stands for.
 */

export type SpanTable = {
  size: number;
  timestampS: Uint32Array;
  project: Uint8Array;
  release: Uint16Array;
  transaction: Uint16Array;
  op: Uint8Array;
  isTransaction: Uint8Array;
  status: Uint8Array;
  weight: Uint8Array;
  duration: Float32Array;
  /** NaN where the span has no such measurement. */
  lcp: Float32Array;
  fcp: Float32Array;
  cls: Float32Array;
  ttfb: Float32Array;
  inp: Float32Array;
  /** Lookup tables the index columns point into. */
  projectIds: string[];
  releases: string[];
  transactions: string[];
  ops: string[];
  statuses: readonly string[];
};

export const NUMERIC_COLUMNS = ["duration", "lcp", "fcp", "cls", "ttfb", "inp"] as const;
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

type Row = {
  timestampS: number;
  project: number;
  release: number;
  transaction: number;
  op: number;
  isTransaction: boolean;
  status: number;
  weight: number;
  duration: number;
  lcp?: number;
  fcp?: number;
  cls?: number;
  ttfb?: number;
  inp?: number;
};

/** Growable column storage; `finish` trims every column to the row count. */
class SpanBuilder {
  size = 0;
  private cols: ReturnType<SpanBuilder["allocate"]>;

  /** `capacity`: the expected row count, so the columns rarely need to grow. */
  constructor(private capacity: number) {
    this.cols = this.allocate(capacity);
  }
  private readonly names = new Map<string, number>();
  private readonly opNames = new Map<string, number>();

  private allocate(n: number) {
    return {
      timestampS: new Uint32Array(n),
      project: new Uint8Array(n),
      release: new Uint16Array(n),
      transaction: new Uint16Array(n),
      op: new Uint8Array(n),
      isTransaction: new Uint8Array(n),
      status: new Uint8Array(n),
      weight: new Uint8Array(n),
      duration: new Float32Array(n),
      lcp: new Float32Array(n).fill(NaN),
      fcp: new Float32Array(n).fill(NaN),
      cls: new Float32Array(n).fill(NaN),
      ttfb: new Float32Array(n).fill(NaN),
      inp: new Float32Array(n).fill(NaN),
    };
  }

  private grow() {
    const next = this.allocate(this.capacity * 2);
    for (const key of Object.keys(next) as (keyof typeof next)[]) next[key].set(this.cols[key] as never);
    this.cols = next;
    this.capacity *= 2;
  }

  index(map: Map<string, number>, value: string): number {
    let i = map.get(value);
    if (i === undefined) {
      i = map.size;
      map.set(value, i);
    }
    return i;
  }

  transactionIndex(name: string) {
    return this.index(this.names, name);
  }

  opIndex(op: string) {
    return this.index(this.opNames, op);
  }

  push(row: Row) {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    const c = this.cols;
    c.timestampS[i] = row.timestampS;
    c.project[i] = row.project;
    c.release[i] = row.release;
    c.transaction[i] = row.transaction;
    c.op[i] = row.op;
    c.isTransaction[i] = row.isTransaction ? 1 : 0;
    c.status[i] = row.status;
    c.weight[i] = row.weight;
    c.duration[i] = row.duration;
    if (row.lcp !== undefined) c.lcp[i] = row.lcp;
    if (row.fcp !== undefined) c.fcp[i] = row.fcp;
    if (row.cls !== undefined) c.cls[i] = row.cls;
    if (row.ttfb !== undefined) c.ttfb[i] = row.ttfb;
    if (row.inp !== undefined) c.inp[i] = row.inp;
  }

  finish(projectIds: string[], releases: string[]): SpanTable {
    const n = this.size;
    const c = this.cols;
    return {
      size: n,
      timestampS: c.timestampS.slice(0, n),
      project: c.project.slice(0, n),
      release: c.release.slice(0, n),
      transaction: c.transaction.slice(0, n),
      op: c.op.slice(0, n),
      isTransaction: c.isTransaction.slice(0, n),
      status: c.status.slice(0, n),
      weight: c.weight.slice(0, n),
      duration: c.duration.slice(0, n),
      lcp: c.lcp.slice(0, n),
      fcp: c.fcp.slice(0, n),
      cls: c.cls.slice(0, n),
      ttfb: c.ttfb.slice(0, n),
      inp: c.inp.slice(0, n),
      projectIds,
      releases,
      transactions: [...this.names.keys()],
      ops: [...this.opNames.keys()],
      statuses: STATUSES,
    };
  }
}

/** A standard normal draw (Box–Muller) from the seeded generator. */
function normal(r: Random): number {
  const u = 1 - r.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

function logNormal(r: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(r));
}

const shareTotals = new WeakMap<readonly { share: number }[], number>();

/** Picks an entry by its `share`. */
function pickShare<T extends { share: number }>(r: Random, items: readonly T[]): T {
  let total = shareTotals.get(items);
  if (total === undefined) {
    total = items.reduce((sum, item) => sum + item.share, 0);
    shareTotals.set(items, total);
  }
  let x = r.next() * total;
  for (const item of items) {
    x -= item.share;
    if (x < 0) return item;
  }
  return items[items.length - 1] as T;
}

function statusFor(r: Random, failure: number): number {
  const x = r.next();
  if (x < failure) return STATUSES.indexOf(r.pick(FAILURE_STATUSES));
  if (x < failure + 0.003) return STATUSES.indexOf(r.pick(NEUTRAL_STATUSES));
  return 0;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

type Context = { b: SpanBuilder; r: Random; project: number; release: number; slowdown: number };

function pageload(ctx: Context, timestampS: number, weight: number) {
  const { b, r } = ctx;
  const page = pickShare(r, WEB_PAGES);
  const lcp = logNormal(r, page.lcp, LCP_SIGMA) * ctx.slowdown;
  const fcp = lcp * (0.55 + 0.2 * r.next());
  const ttfb = fcp * (0.3 + 0.15 * r.next());
  b.push({
    timestampS,
    project: ctx.project,
    release: ctx.release,
    transaction: b.transactionIndex(page.name),
    op: b.opIndex("pageload"),
    isTransaction: true,
    status: statusFor(r, 0.002),
    weight,
    duration: round2(lcp * (1.05 + 0.3 * r.next())),
    lcp: round2(lcp),
    fcp: round2(fcp),
    ttfb: round2(ttfb),
    cls: Math.round(logNormal(r, CLS_MEDIAN, CLS_SIGMA) * 10_000) / 10_000,
  });
}

function interaction(ctx: Context, timestampS: number, weight: number) {
  const { b, r } = ctx;
  const page = pickShare(r, WEB_PAGES);
  const inp = round2(logNormal(r, INP_MEDIAN, INP_SIGMA));
  b.push({
    timestampS,
    project: ctx.project,
    release: ctx.release,
    transaction: b.transactionIndex(page.name),
    op: b.opIndex(r.chance(0.8) ? INTERACTION_OPS[0] : r.pick(INTERACTION_OPS)),
    isTransaction: false,
    status: 0,
    weight,
    duration: inp,
    inp,
  });
}

function endpoint(ctx: Context, timestampS: number, weight: number, specs: EndpointSpec[], op: string) {
  const { b, r } = ctx;
  const spec = pickShare(r, specs);
  b.push({
    timestampS,
    project: ctx.project,
    release: ctx.release,
    transaction: b.transactionIndex(spec.name),
    op: b.opIndex(op),
    isTransaction: true,
    status: statusFor(r, spec.failure),
    weight,
    duration: round2(logNormal(r, spec.median, spec.sigma)),
  });
}

function emit(ctx: Context, family: SpanFamily, timestampS: number) {
  if (family.kind === "pageload") pageload(ctx, timestampS, family.weight);
  else if (family.kind === "interaction") interaction(ctx, timestampS, family.weight);
  else if (family.kind === "server") endpoint(ctx, timestampS, family.weight, API_ENDPOINTS, "http.server");
  else endpoint(ctx, timestampS, family.weight, WORKER_TASKS, "queue.process");
}

export type SpanInput = {
  random: Random;
  projects: SentryProject[];
  releases: SentryRelease[];
  sessions: SessionSeries[];
  regressedRelease: string;
};

/** The org's sampled spans, derived from its sessions as they are when first asked for. */
export function generateSpans(input: SpanInput): SpanTable {
  const r = input.random;
  const projectIndex = new Map(input.projects.map((p, i) => [p.id, i]));
  let expected = 0;
  for (const series of input.sessions) {
    const families = FAMILIES[input.projects[projectIndex.get(series.projectId) ?? -1]?.slug ?? ""] ?? [];
    for (const family of families) expected += (series.total.total() * family.perSession) / family.weight;
  }
  const b = new SpanBuilder(Math.ceil(expected * 1.02) + 1024);
  const releaseIndex = new Map(input.releases.map((rel, i) => [rel.version, i]));
  // A hotfix loads pages as fast as before the regression; it draws nothing, so the other releases' timings keep theirs.
  const slowdown = new Map(
    input.releases.map((rel) => [
      rel.version,
      rel.version === input.regressedRelease
        ? REGRESSION_FACTOR
        : rel.hotfixOf
          ? 1
          : 1 + (r.next() * 2 - 1) * RELEASE_JITTER,
    ]),
  );
  for (const series of input.sessions) {
    const project = input.projects[projectIndex.get(series.projectId) ?? -1];
    const families = project && FAMILIES[project.slug];
    const release = releaseIndex.get(series.release);
    if (!families || release === undefined) continue;
    const ctx: Context = {
      b,
      r,
      project: projectIndex.get(series.projectId) as number,
      release,
      slowdown: 1,
    };
    for (let hour = series.total.startHour; hour < series.total.endHour; hour++) {
      const sessions = series.total.value(hour);
      if (sessions <= 0) continue;
      for (const family of families) {
        // Only page loads (LCP, FCP, TTFB) carry the regression; INP and server timings stay put.
        ctx.slowdown = family.kind === "pageload" ? (slowdown.get(series.release) as number) : 1;
        const stored = Math.floor((sessions * family.perSession) / family.weight + r.next());
        for (let k = 0; k < stored; k++) emit(ctx, family, Math.floor((hour * HOUR_MS) / 1000 + r.next() * 3600));
      }
    }
  }
  return b.finish(
    input.projects.map((p) => p.id),
    input.releases.map((rel) => rel.version),
  );
}

/** Spans for a seeded org; the same seed and sessions always give the same rows. */
export function spansForOrg(seed: number, org: SentryOrgData): SpanTable {
  return generateSpans({
    random: createRandom(`${seed}:sentry:${org.slug}:spans`),
    projects: org.projects,
    releases: org.releases,
    sessions: org.sessions,
    regressedRelease: org.regressedRelease,
  });
}
