import { assignStories } from "./assign";
import { epicDescription, epicSearchUrl, storyDescription } from "./descriptions";
import { roundPoints } from "./points";
import type { FeatureRequest } from "./schema";
import { chooseSprint } from "./sprint";
import { jiraSummary } from "./summary";
import type { PlanContext, PlannedStory, TicketPlan } from "./types";
import { planWarnings } from "./warnings";

/**
 * The Jira tickets a feature request becomes, for the manager to review before
 * anything is created: one epic, its stories in the given order, and a
 * subtask per checklist line. Each story gets a proposed assignee from
 * component expertise within their remaining points, and — when asked — the
 * feature gets a sprint with room for all of it; every suggestion says why.
 * Pure and deterministic: the same request and context give the same plan.
 */
export function planTickets(request: FeatureRequest, context: PlanContext): TicketPlan {
  let cutSummaries = 0;
  const summary = (title: string) => {
    const result = jiraSummary(title);
    if (result.isCut) cutSummaries += 1;
    return result.summary;
  };

  const epicSummary = summary(request.name);
  const searchUrl = epicSearchUrl(context.jiraBrowseUrl, request.jiraProjectKey, epicSummary);
  // A story without a component of its own belongs to the feature's main one.
  const fallbackComponent = request.components[0] ?? null;
  const components = request.stories.map((story) => story.component ?? fallbackComponent);
  const assignments = assignStories(
    request.stories.map((story, index) => ({ estimate: story.estimate, component: components[index] ?? null })),
    context.people,
  );

  const stories = request.stories.map((story, index): PlannedStory => {
    const ref = `story-${index + 1}`;
    const assignment = assignments[index] ?? {
      assignee: null,
      unassignedReason: "No component, so no expertise to go on",
    };
    const subtaskAssignee = assignment.assignee && {
      accountId: assignment.assignee.accountId,
      name: assignment.assignee.name,
    };
    return {
      ref,
      summary: summary(story.title),
      description: storyDescription({
        acceptanceCriteria: story.acceptanceCriteria,
        businessValue: request.businessValue,
        epicSummary,
        epicSearchUrl: searchUrl,
      }),
      estimate: story.estimate,
      component: components[index] ?? null,
      priority: request.priority,
      labels: [...request.labels],
      assignee: assignment.assignee,
      unassignedReason: assignment.unassignedReason,
      subtasks: story.checklist.map((line, lineIndex) => ({
        ref: `${ref}.${lineIndex + 1}`,
        summary: summary(line),
        assignee: subtaskAssignee && { ...subtaskAssignee },
      })),
    };
  });

  const storyPoints = roundPoints(request.stories.reduce((total, story) => total + (story.estimate ?? 0), 0));
  const subtasks = stories.reduce((total, story) => total + story.subtasks.length, 0);
  const sprintChoice = request.targetSprint
    ? chooseSprint(context.sprints, storyPoints)
    : { sprint: null, reason: "No sprint suggested: the request did not ask for one" };

  return {
    epic: {
      ref: "epic",
      summary: epicSummary,
      description: epicDescription(request.businessValue, request.stories),
      priority: request.priority,
      labels: [...request.labels],
      components: [...request.components],
    },
    stories,
    sprint: sprintChoice.sprint,
    sprintReason: sprintChoice.reason,
    totals: { issues: 1 + stories.length + subtasks, storyPoints, subtasks },
    warnings: planWarnings({
      stories: request.stories.map((story, index) => ({
        title: story.title,
        estimate: story.estimate,
        ownComponent: story.component,
        isAssigned: stories[index]?.assignee != null,
      })),
      featureComponents: request.components,
      sprints: context.sprints,
      storyPoints,
      cutSummaries,
    }),
  };
}
