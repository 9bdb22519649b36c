/**
 * Figure 5: sprint planning time for 2,000 backlog issues × 50 people, and
 * planned points ÷ exact optimum summed over small random instances. Pure and
 * in-process: no servers.
 */
import { exactOptimum, planSprint } from "@/lib/domain/planning";
import { randomPlanInput } from "@/test/fixtures/planning-instances";
import { median, min, round } from "./stats";
import type { Figure } from "./types";

export function measurePlanning({
  runs = 9,
  smallInstances = 300,
}: { runs?: number; smallInstances?: number } = {}): Figure {
  // Fresh but reproducible instances (seeds differ from the unit tests' seeds).
  const large = randomPlanInput("bench-large", { issues: 2000, people: 50 });
  planSprint(large); // warm-up: JIT, not counted
  const timesMs: number[] = [];
  let plannedLarge = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    plannedLarge = planSprint(large).plannedPoints;
    timesMs.push(performance.now() - started);
  }

  let planned = 0;
  let optimum = 0;
  let exceeded = 0;
  for (let i = 0; i < smallInstances; i++) {
    const input = randomPlanInput(`bench-small-${i}`, { issues: 4 + (i % 11), people: 1 + (i % 4) });
    const plan = planSprint(input).plannedPoints;
    const best = exactOptimum(input).plannedPoints;
    if (plan > best + 1e-9) exceeded++;
    planned += plan;
    optimum += best;
  }
  const ratio = optimum === 0 ? Number.NaN : planned / optimum;
  const medianMs = median(timesMs);
  return {
    figure: 5,
    name: "Sprint planning (2,000 issues × 50 people; quality vs exact optimum)",
    value: `min ${round(min(timesMs))} ms / median ${round(medianMs)} ms; ratio ${ratio.toFixed(4)} (${planned}/${optimum} pts, ${smallInstances} instances)`,
    goal: "median ≤ 50 ms and ratio ≥ 0.98",
    pass: medianMs <= 50 && ratio >= 0.98 && exceeded === 0,
    method: `planSprint on randomPlanInput("bench-large", 2000×50), ${runs} timed runs after 1 warm-up; Σ planSprint ÷ Σ exactOptimum over ${smallInstances} random instances (4–14 issues, 1–4 people)`,
    data: {
      timesMs: timesMs.map((t) => round(t, 2)),
      minMs: round(min(timesMs), 2),
      medianMs: round(medianMs, 2),
      plannedPointsLarge: plannedLarge,
      smallInstances,
      plannedPoints: planned,
      optimumPoints: optimum,
      ratio,
      plansExceedingOptimum: exceeded,
    },
  };
}
