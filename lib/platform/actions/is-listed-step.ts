/**
 * Whether a step the browser names is one of the steps a stored preview has.
 * A step outside them (a batch past the last) would write nothing, and the
 * outbox refuses empty writes.
 */
export function isListedStep(
  steps: readonly { kind: string; batch?: number }[],
  step: { kind: string; batch?: number },
): boolean {
  return steps.some((listed) => listed.kind === step.kind && listed.batch === step.batch);
}
