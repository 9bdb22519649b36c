import "server-only";
import { parseSprintIds, scopeChangesFromIssueEvent } from "@/lib/domain/capacity";
import type { JiraEvent } from "@/lib/domain/jira-events/events";
import { recordScopeChanges } from "@/lib/db/queries/sprint-scope";
import { findSprintSnapshotKinds } from "@/lib/db/queries/sprint-snapshots";
import { getJiraConfig } from "@/lib/integrations/connections";
import { readBoardSetup } from "@/lib/integrations/jira/reads";
import { readStatusCategories } from "@/lib/integrations/jira/statuses";
import type { EventOutcome } from "./event-snapshots";

type IssueEvent = Extract<JiraEvent, { type: "jira.issue" }>;

/** Every sprint an issue event touches: those the issue is in, and those a Sprint change moved it between. */
function touchedSprintIds(event: IssueEvent): number[] {
  const moved = event.changes
    .filter((change) => change.field === "Sprint" || change.fieldId === "customfield_10020")
    .flatMap((change) => [...parseSprintIds(change.from), ...parseSprintIds(change.to)]);
  return [...new Set([...event.issue.sprintIds, ...moved])];
}

/**
 * Records the scope changes one issue event makes to sprints that have not
 * closed (as Bosun's snapshots know them), per day, for burndown and
 * scope-change charts. A sprint whose start Bosun has not recorded yet counts
 * too: the reconciliation pass replays these changes back to its start. Jira is
 * read only when the event touches such a sprint: for the board's estimation
 * field (the default story-points field while the board is unknown) and the
 * status categories.
 */
export async function recordScopeFromIssueEvent({
  orgId,
  event,
  sourceKey,
  requestId,
}: {
  orgId: string;
  event: IssueEvent;
  sourceKey: string;
  requestId?: string;
}): Promise<EventOutcome> {
  const touched = touchedSprintIds(event);
  const known = touched.length > 0 ? await findSprintSnapshotKinds({ orgId, sprintIds: touched }) : null;
  const open = touched.filter((id) => !known?.closed.has(id));
  if (open.length === 0) return { status: "ignored", message: `${event.issue.key} is in no open sprint` };
  const config = await getJiraConfig({ orgId, requestId });
  if (!config) return { status: "ignored", message: "Jira is not connected" };

  const boardId = open.map((id) => known?.boards.get(id)).find((id) => id !== undefined);
  const [estimationField, statuses] = await Promise.all([
    boardId === undefined
      ? null
      : readBoardSetup({ orgId, config, boardId }).then((setup) => setup.value.estimationField),
    readStatusCategories({ orgId, config }),
  ]);
  const changes = scopeChangesFromIssueEvent({
    event,
    sourceKey,
    openSprintIds: new Set(open),
    estimationField,
    statusCategories: statuses.value,
  });
  const recorded = await recordScopeChanges({ orgId, changes });
  return changes.length === 0
    ? { status: "ignored", message: `${event.issue.key}: no change of sprint scope` }
    : { status: "processed", message: `${event.issue.key}: ${recorded} scope change(s) recorded` };
}
