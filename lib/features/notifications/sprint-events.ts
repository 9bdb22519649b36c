import "server-only";
import { getOrgSlug } from "@/lib/db/queries/notifications";
import { logger } from "@/lib/platform/observability/logger";
import { notify } from "./notify";

/**
 * "A sprint over capacity at planning time": the draft filled everyone to
 * their limit and backlog work was still left out for lack of capacity. To the
 * managers, once per board and sprint name; never fails the planning itself.
 */
export async function notifySprintOverCapacity({
  orgId,
  board,
  sprintName,
  plannedPoints,
  limitPoints,
  leftOut,
}: {
  orgId: string;
  board: { id: number; name: string };
  sprintName: string;
  plannedPoints: number;
  limitPoints: number;
  /** Backlog issues that did not fit, with their points when estimated. */
  leftOut: { key: string; points: number | null }[];
}): Promise<void> {
  if (leftOut.length === 0) return;
  try {
    const slug = await getOrgSlug({ orgId });
    if (!slug) return;
    const points = leftOut.reduce((sum, issue) => sum + (issue.points ?? 0), 0);
    const keys = leftOut.slice(0, 5).map((issue) => issue.key);
    await notify({
      orgId,
      event: "sprint_over_capacity",
      recipients: { roles: ["manager"] },
      title: `${sprintName} on ${board.name} is over capacity`,
      body: `The draft plans ${Math.round(plannedPoints)} of ${Math.round(limitPoints)} points the team can take; ${leftOut.length} more issue${leftOut.length === 1 ? "" : "s"} (${Math.round(points)} points: ${keys.join(", ")}${leftOut.length > keys.length ? ", …" : ""}) did not fit.`,
      link: `/${slug}/sprints/plan`,
      dedupeKey: `sprint_over_capacity:${board.id}:${sprintName}`,
    });
  } catch (error) {
    logger.warn({ err: error, orgId }, "notifying managers of an over-capacity sprint failed");
  }
}
