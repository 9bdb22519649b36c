import "server-only";
import { type TransitionChoice, statusRank } from "@/lib/domain/automations";
import type { JiraClientConfig } from "./types";
import { type TransitionResult, type WorkflowState, walkWorkflow } from "./workflow";

/**
 * Moves an issue back along its workflow to `target` (a regression in Sentry reopens the ticket): a
 * direct transition to the target if there is one, else the step furthest back. Safe to repeat: an
 * issue already there stays.
 */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Which issue goes back to which status, along which workflow order. */
export type TransitionBackRequest = { issueKey: string; target: string; order: string[] };

/** The direct transition to the target, else the one that goes furthest back along the order; none leads back. */
export function chooseBackTransition(
  { current, available }: WorkflowState,
  { target, order }: Omit<TransitionBackRequest, "issueKey">,
): TransitionChoice {
  if (same(current.name, target)) return { kind: "stay", reason: `already ${current.name}` };
  const currentRank = statusRank(current, order);
  const choice =
    available.find((t) => same(t.to.name, target)) ??
    available
      .filter((t) => statusRank(t.to, order) < currentRank)
      .sort((a, b) => statusRank(a.to, order) - statusRank(b.to, order))[0];
  if (!choice) return { kind: "blocked", reason: `no transition from ${current.name} leads back towards ${target}` };
  return { kind: "move", transitionId: choice.id, to: choice.to.name };
}

export async function transitionBack(
  config: JiraClientConfig,
  request: TransitionBackRequest,
): Promise<TransitionResult> {
  return walkWorkflow(config, {
    issueKey: request.issueKey,
    towards: `back to ${request.target}`,
    choose: (state) => chooseBackTransition(state, request),
  });
}
