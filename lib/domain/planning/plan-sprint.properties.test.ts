import { describe, expect, it } from "vitest";
import { createRandom } from "@/emulators/seed/random";
import { exactOptimum } from "./exact-optimum";
import { planSprint } from "./plan-sprint";
import { randomPlanInput } from "@/test/fixtures/planning-instances";
import type { PlanInput, SprintPlan } from "./types";

const instances = Array.from({ length: 150 }, (_, i) =>
  randomPlanInput(`property-${i}`, { issues: 5 + (i % 40), people: 1 + (i % 6) }),
);

function fitsAnyone(plan: SprintPlan, points: number): boolean {
  return plan.perPerson.some((person) => person.limitPoints - person.plannedPoints >= points - 1e-9);
}

describe("planSprint properties", () => {
  it("never plans anyone beyond capacity × (1 − buffer)", () => {
    for (const input of instances) {
      const plan = planSprint(input);
      for (const person of plan.perPerson) {
        const assigned = plan.assignments
          .filter((a) => a.accountId === person.accountId)
          .reduce((sum, a) => sum + a.points, 0);
        expect(assigned).toBeCloseTo(person.plannedPoints, 6);
        expect(assigned).toBeLessThanOrEqual(person.capacityPoints * (1 - input.bufferPercent / 100) + 0.05 + 1e-9);
        expect(assigned).toBeLessThanOrEqual(person.limitPoints + 1e-9);
      }
    }
  });

  it("plans an issue only after every blocker is scheduled or planned before it", () => {
    for (const input of instances) {
      const plan = planSprint(input);
      const satisfied = new Set(input.alreadyScheduledKeys);
      const byKey = new Map(input.backlog.map((issue) => [issue.key, issue]));
      for (const assignment of plan.assignments) {
        for (const blocker of byKey.get(assignment.key)?.blockedBy ?? [])
          expect(satisfied.has(blocker), `${assignment.key} needs ${blocker}`).toBe(true);
        satisfied.add(assignment.key);
      }
    }
  });

  it("never plans unestimated issues, and accounts for every backlog issue exactly once", () => {
    for (const input of instances) {
      const plan = planSprint(input);
      const keys = [...plan.assignments.map((a) => a.key), ...plan.leftOut.map((l) => l.key)];
      expect(keys.sort()).toEqual(input.backlog.map((issue) => issue.key).sort());
      for (const issue of input.backlog.filter((i) => i.points === null))
        expect(plan.leftOut).toContainEqual({ key: issue.key, reason: "no estimate" });
    }
  });

  it("gives left-out issues the reason that holds in the final plan", () => {
    for (const input of instances) {
      const plan = planSprint(input);
      const satisfied = new Set([...input.alreadyScheduledKeys, ...plan.assignments.map((a) => a.key)]);
      const byKey = new Map(input.backlog.map((issue) => [issue.key, issue]));
      for (const { key, reason } of plan.leftOut) {
        const issue = byKey.get(key);
        if (!issue) throw new Error(`unknown ${key}`);
        const missing = [...new Set(issue.blockedBy)].filter((blocker) => !satisfied.has(blocker));
        if (issue.points === null) expect(reason).toBe("no estimate");
        else if (missing.length > 0) expect(reason).toBe(`blocked by ${missing.join(", ")} (not done, not planned)`);
        else {
          expect(reason).toBe("no capacity");
          expect(fitsAnyone(plan, issue.points), `${key} (${issue.points}) would fit`).toBe(false);
        }
      }
    }
  });

  it("is deterministic whatever order people and experience keys come in", () => {
    const random = createRandom("shuffle");
    for (const input of instances) {
      const shuffled: PlanInput = {
        ...input,
        people: random.shuffle(input.people).map((person) => ({
          ...person,
          componentExperience: Object.fromEntries(random.shuffle(Object.entries(person.componentExperience))),
        })),
      };
      expect(planSprint(shuffled)).toEqual(planSprint(input));
    }
  });

  it("plans a rank prefix first: with equal sizes and no blockers, the top issues are the ones planned", () => {
    for (const input of instances) {
      const backlog = input.backlog.map((issue) => ({ ...issue, points: 2, blockedBy: [], assigneeAccountId: null }));
      const plan = planSprint({ ...input, backlog });
      const plannedRanks = plan.assignments
        .map((a) => backlog.findIndex((issue) => issue.key === a.key))
        .sort((a, b) => a - b);
      expect(plannedRanks).toEqual(plannedRanks.map((_, index) => index));
    }
  });

  it("explains every assignment", () => {
    for (const input of instances) {
      const plan = planSprint(input);
      const names = new Map(input.people.map((p) => [p.accountId, p.name]));
      for (const a of plan.assignments) expect(a.reason.startsWith(`${names.get(a.accountId)}: `)).toBe(true);
    }
  });
});

describe("planSprint against the exact optimum", () => {
  it("reaches at least 98% of the optimum in total on small instances, and never exceeds it", () => {
    let planned = 0;
    let optimum = 0;
    for (let i = 0; i < 240; i++) {
      const input = randomPlanInput(`optimum-${i}`, { issues: 4 + (i % 11), people: 1 + (i % 4) });
      const plan = planSprint(input).plannedPoints;
      const best = exactOptimum(input).plannedPoints;
      expect(plan).toBeLessThanOrEqual(best + 1e-9);
      planned += plan;
      optimum += best;
    }
    expect(planned / optimum).toBeGreaterThanOrEqual(0.98);
  });

  it("does as well with half-point estimates, where room is not in whole points", () => {
    let planned = 0;
    let optimum = 0;
    for (let i = 0; i < 200; i++) {
      const input = randomPlanInput(`halves-${i}`, { issues: 6 + (i % 9), people: 2 + (i % 3) });
      const backlog = input.backlog.map((issue, index) =>
        issue.points !== null && index % 2 === 0 ? { ...issue, points: issue.points / 2 } : issue,
      );
      const plan = planSprint({ ...input, backlog }).plannedPoints;
      const best = exactOptimum({ ...input, backlog }).plannedPoints;
      expect(plan).toBeLessThanOrEqual(best + 1e-9);
      planned += plan;
      optimum += best;
    }
    expect(planned / optimum).toBeGreaterThanOrEqual(0.98);
  });
});
