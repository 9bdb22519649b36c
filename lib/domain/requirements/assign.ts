import { count, fitsIn, points, roundPoints } from "./points";
import type { Person, ProposedAssignee } from "./types";

export type StoryToAssign = { estimate: number | null; component: string | null };
export type StoryAssignment =
  { assignee: ProposedAssignee; unassignedReason: null } | { assignee: null; unassignedReason: string };

/**
 * Who is proposed for each story: someone who has completed work in its
 * component recently and still has room for its estimate. Bigger stories go
 * first (they are the hardest to place), unestimated ones last, then in the
 * given order; each pick uses up that person's points for the stories after
 * it. Among those with room the most experienced wins, then the one with the
 * most points left, then by name. Results are in the stories' order.
 */
export function assignStories(stories: StoryToAssign[], people: Person[]): StoryAssignment[] {
  const pointsLeft = new Map(people.map((person) => [person.accountId, person.remainingPoints]));
  const order = stories
    .map((story, index) => ({ story, index }))
    .sort((a, b) => size(b.story) - size(a.story) || a.index - b.index);
  const results: StoryAssignment[] = [];
  for (const { story, index } of order) results[index] = assignOne(story, people, pointsLeft);
  return results;
}

function assignOne(
  { estimate, component }: StoryToAssign,
  people: Person[],
  pointsLeft: Map<string, number>,
): StoryAssignment {
  if (component === null) return { assignee: null, unassignedReason: "No component, so no expertise to go on" };
  const needed = estimate ?? 0;
  const left = (person: Person) => pointsLeft.get(person.accountId) ?? 0;
  const experts = people
    .filter((person) => completed(person, component) > 0)
    .sort(
      (a, b) =>
        completed(b, component) - completed(a, component) ||
        left(b) - left(a) ||
        a.name.localeCompare(b.name, "en") ||
        (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0),
    );
  if (experts.length === 0)
    return { assignee: null, unassignedReason: `Nobody has completed ${component} work recently` };

  const chosen = experts.find((person) => fitsIn(left(person), needed));
  if (!chosen)
    return {
      assignee: null,
      unassignedReason: `Nobody who has completed ${component} work has ${points(needed)} left`,
    };

  const after = roundPoints(left(chosen) - needed);
  pointsLeft.set(chosen.accountId, after);
  const done = completed(chosen, component);
  let reason = `${chosen.name} completed ${count(done, `${component} issue`)} recently and has ${after} of ${roundPoints(chosen.remainingPoints)} points left after this`;
  // Only people with more experience rank ahead of the one chosen, so say why they were passed over.
  const passedOver = experts[0];
  if (passedOver && passedOver !== chosen)
    reason += `; ${passedOver.name} has done more ${component} work but has only ${points(left(passedOver))} left`;
  if (estimate === null) reason += " (the story has no estimate yet)";
  return { assignee: { accountId: chosen.accountId, name: chosen.name, reason }, unassignedReason: null };
}

/** Experience by exact component name; `Object.hasOwn` so a component called "constructor" is not inherited. */
function completed(person: Person, component: string): number {
  return Object.hasOwn(person.completedByComponent, component) ? (person.completedByComponent[component] ?? 0) : 0;
}

function size(story: StoryToAssign): number {
  return story.estimate ?? Number.NEGATIVE_INFINITY;
}
