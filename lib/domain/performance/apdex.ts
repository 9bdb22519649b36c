/**
 * Apdex = (satisfied + tolerating / 2) / total, where a transaction is satisfied at or under T and tolerating at or
 * under 4T (Sentry's legacy `apdex()`). Sentry's spans dataset does not serve it, so Bosun asks for
 * `count_if(span.duration,lessOrEquals,T)` and `count_if(span.duration,lessOrEquals,4T)` with `count()` and
 * computes it here. T is the org's `apdexThresholdMs` (default 300 ms, Sentry's default project threshold).
 * `tolerating` here counts everything at or under 4T, satisfied included, because that is what one count_if returns.
 */
export function apdex({
  total,
  withinT,
  within4T,
}: {
  total: number;
  withinT: number;
  within4T: number;
}): number | null {
  if (!(total > 0)) return null;
  const satisfied = Math.min(Math.max(withinT, 0), total);
  const tolerating = Math.min(Math.max(within4T, satisfied), total) - satisfied;
  return Math.round(((satisfied + tolerating / 2) / total) * 100) / 100;
}

/** The two count_if bounds apdex needs for threshold T (milliseconds). */
export function apdexBounds(thresholdMs: number): { satisfiedMs: number; toleratingMs: number } {
  return { satisfiedMs: thresholdMs, toleratingMs: thresholdMs * 4 };
}
