import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The suites that take longest (a minute or more on two cores), started first. On a fresh clone Vitest has no
 * timings from an earlier run and would start files in any order; a long suite started last then runs alone on one
 * core while the other idles. Started first, the short files fill in around them.
 */
const LONG_RUNNING = [
  /test\/fuzz\/actions\.fuzz\.test\.ts$/,
  /scripts\/db\/embedded-postgres\.test\.ts$/,
  /scripts\/platforms\.test\.ts$/,
  /test\/faults\/workos-events\.test\.ts$/,
  /test\/fuzz\/routes\.fuzz\.test\.ts$/,
  /settings\/members\/role-change\.test\.ts$/,
  /scripts\/keys\/reseal\.test\.ts$/,
];

const rank = (spec: TestSpecification) => {
  const index = LONG_RUNNING.findIndex((pattern) => pattern.test(spec.moduleId));
  return index === -1 ? LONG_RUNNING.length : index;
};

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: everything else keeps Vitest's own order (failed first, then longest).
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
