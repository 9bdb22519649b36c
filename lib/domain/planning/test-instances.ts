import { createRandom, type Random } from "@/emulators/seed/random";
import type { PlanInput, PlanIssue, PlanPerson } from "./types";

/** Random but reproducible planning inputs for property tests and the benchmark. */
const COMPONENTS = ["Platform", "Billing", "Mobile", "Search"];
const EPICS = [
  { key: "EP-1", name: "Berth scheduling" },
  { key: "EP-2", name: "Customs e-filing" },
  { key: "EP-3", name: "Crew rosters" },
];
// Weighted the way teams estimate: mostly small, the odd 8; 13s get split before planning.
const POINTS = [1, 1, 2, 2, 2, 3, 3, 3, 5, 5, 8];

export type InstanceShape = { issues: number; people: number; scheduled?: number };

export function randomPlanInput(seed: number | string, { issues, people, scheduled = 3 }: InstanceShape): PlanInput {
  const random = createRandom(seed);
  const scheduledKeys = Array.from({ length: scheduled }, (_, i) => `DONE-${i + 1}`);
  const team = Array.from({ length: people }, (_, i) => randomPerson(random, i));
  const keys = Array.from({ length: issues }, (_, i) => `BOS-${i + 1}`);
  const backlog = keys.map((key, i) => randomIssue(random, key, i, keys, scheduledKeys, team));
  return { backlog, people: team, bufferPercent: random.pick([0, 10, 15, 20, 30]), alreadyScheduledKeys: scheduledKeys };
}

function randomPerson(random: Random, index: number): PlanPerson {
  const componentExperience: Record<string, number> = {};
  for (const component of COMPONENTS) if (random.chance(0.4)) componentExperience[component] = random.int(1, 15);
  return { accountId: `acc-${index.toString().padStart(3, "0")}`, name: `Person ${index}`, capacityPoints: random.int(6, 30), componentExperience };
}

function randomIssue(random: Random, key: string, index: number, keys: string[], scheduledKeys: string[], team: PlanPerson[]): PlanIssue {
  const blockedBy: string[] = [];
  if (random.chance(0.25)) blockedBy.push(random.pick(keys));
  if (random.chance(0.1) && scheduledKeys.length > 0) blockedBy.push(random.pick(scheduledKeys));
  if (random.chance(0.04)) blockedBy.push(`EXT-${index}`);
  return {
    key,
    summary: `Issue ${key}`,
    points: random.chance(0.1) ? null : random.pick(POINTS),
    component: random.chance(0.8) ? random.pick(COMPONENTS) : null,
    epic: random.chance(0.7) ? random.pick(EPICS) : null,
    blockedBy: blockedBy.filter((blocker) => blocker !== key),
    assigneeAccountId: random.chance(0.2) && team.length > 0 ? random.pick(team).accountId : null,
  };
}
