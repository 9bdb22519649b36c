import type { Random } from "./random";
import type { JiraUser } from "../jira/model";
import { PRIORITY_IDS } from "../jira/reference";

/** Weighted random choices for the Jira seed: who works on what, priorities, labels. */
const LABELS = ["internal", "tech-debt", "chore", "customer", "ux", "performance"];

export function weightedPick<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let roll = random.next() * total;
  for (const item of items) {
    roll -= weight(item);
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

export function between(random: Random, from: number, to: number): number {
  return Math.round(from + random.next() * Math.max(0, to - from));
}

export function pickAssignee(random: Random, people: JiraUser[], component: string | null): string {
  return weightedPick(random, people, (p) => (component && p.components.includes(component) ? 6 : 1)).accountId;
}

export function pickPriority(random: Random, isBug: boolean): string {
  const roll = random.next();
  if (isBug)
    return roll < 0.1
      ? PRIORITY_IDS.highest
      : roll < 0.45
        ? PRIORITY_IDS.high
        : roll < 0.85
          ? PRIORITY_IDS.medium
          : PRIORITY_IDS.low;
  return roll < 0.03
    ? PRIORITY_IDS.highest
    : roll < 0.2
      ? PRIORITY_IDS.high
      : roll < 0.75
        ? PRIORITY_IDS.medium
        : roll < 0.92
          ? PRIORITY_IDS.low
          : PRIORITY_IDS.lowest;
}

export function pickLabels(random: Random, isBug: boolean): string[] {
  const labels = new Set<string>();
  if (isBug && random.chance(0.4)) labels.add("customer");
  if (random.chance(0.35)) labels.add(random.pick(LABELS));
  if (random.chance(0.1)) labels.add(random.pick(LABELS));
  return [...labels].sort();
}
