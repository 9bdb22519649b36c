/**
 * Retrying a bulk create whose outcome is unknown: some elements may already
 * exist upstream (found by their markers), the rest must be created. The
 * second request carries only the missing elements, so its answer's indexes
 * are positions in that shorter list; they are mapped back to the original
 * positions, so the result reads as if one request had created everything.
 */
export type CreatedElement = { index: number; id: string; key: string };
export type ElementError = { index: number; message: string };
export type BulkOutcome = { created: CreatedElement[]; errors: ElementError[] };

/** Original positions of the elements not found upstream, in order. */
export function missingIndexes(count: number, found: ReadonlyMap<number, { id: string; key: string }>): number[] {
  return Array.from({ length: count }, (_, index) => index).filter((index) => !found.has(index));
}

/** Found elements plus the retry's outcome (whose indexes count within `missing`), by original position. */
export function mergeBulkOutcome(
  found: ReadonlyMap<number, { id: string; key: string }>,
  missing: number[],
  retry: BulkOutcome,
): BulkOutcome {
  const original = (retryIndex: number) => {
    const index = missing[retryIndex];
    if (index === undefined)
      throw new RangeError(`The retry answered for element ${retryIndex}, but only ${missing.length} were sent`);
    return index;
  };
  const created = [
    ...[...found].map(([index, issue]) => ({ index, id: issue.id, key: issue.key })),
    ...retry.created.map((c) => ({ ...c, index: original(c.index) })),
  ];
  const errors = retry.errors.map((e) => ({ ...e, index: original(e.index) }));
  return { created: created.sort((a, b) => a.index - b.index), errors: errors.sort((a, b) => a.index - b.index) };
}
