/**
 * Runs the steps one after another and stops after the first one that is not done (failed or still pending), so
 * no step runs before the ones it depends on; the results say how far it got.
 */
export async function runStepsUntilNotDone<Step, Result extends { status: string }>(
  steps: readonly Step[],
  run: (step: Step) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (const step of steps) {
    const result = await run(step);
    results.push(result);
    if (result.status !== "done") break;
  }
  return results;
}
