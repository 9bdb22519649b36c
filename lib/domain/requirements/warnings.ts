import { count, points, roundPoints } from "./points";
import { roomiestSprint } from "./sprint";
import type { SprintOption } from "./types";

type StoryFacts = { title: string; estimate: number | null; ownComponent: string | null; isAssigned: boolean };

/**
 * What a manager should look at before creating the tickets: gaps the plan
 * papered over (no estimate, nobody proposed), likely mistakes (a component
 * the feature doesn't list, the same title twice) and a feature too big for
 * any sprint. Plain sentences, in a fixed order.
 */
export function planWarnings({
  stories,
  featureComponents,
  sprints,
  storyPoints,
  cutSummaries,
}: {
  stories: StoryFacts[];
  featureComponents: string[];
  sprints: SprintOption[];
  storyPoints: number;
  cutSummaries: number;
}): string[] {
  const warnings: string[] = [];

  const unestimated = stories.filter((story) => story.estimate === null);
  if (unestimated.length > 0) {
    warnings.push(
      `${count(unestimated.length, "story has", "stories have")} no estimate (${quoted(unestimated)}); they count as 0 points when proposing people and a sprint.`,
    );
  }

  const unassigned = stories.filter((story) => !story.isAssigned).length;
  if (unassigned > 0)
    warnings.push(`${count(unassigned, "story has", "stories have")} nobody proposed; each says why.`);

  if (featureComponents.length > 0) {
    const listed = new Set(featureComponents);
    const unlisted = [
      ...new Set(
        stories.map((story) => story.ownComponent).filter((name): name is string => name !== null && !listed.has(name)),
      ),
    ];
    if (unlisted.length > 0)
      warnings.push(
        `${unlisted.map((name) => `"${name}"`).join(", ")} ${unlisted.length === 1 ? "is" : "are"} not among the feature's components; check the spelling, as Jira only accepts the project's components.`,
      );
  }

  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const story of stories) {
    const key = story.title.trim().toLowerCase();
    if (seen.has(key)) repeated.add(story.title);
    seen.add(key);
  }
  if (repeated.size > 0)
    warnings.push(`More than one story is titled ${[...repeated].map((title) => `"${title}"`).join(", ")}.`);

  const roomiest = roomiestSprint(sprints);
  if (roomiest && storyPoints > roomiest.remainingPoints) {
    warnings.push(
      `This feature needs ${points(storyPoints)}, more than any sprint has free (the most is ${roundPoints(roomiest.remainingPoints)}, in ${roomiest.name}); consider splitting it.`,
    );
  }

  if (cutSummaries > 0)
    warnings.push(
      `${count(cutSummaries, "summary was", "summaries were")} longer than Jira's 255 characters and cut short with "…".`,
    );
  return warnings;
}

function quoted(stories: StoryFacts[]): string {
  return stories.map((story) => `"${story.title}"`).join(", ");
}
