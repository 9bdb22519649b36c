import "server-only";
import { chooseBackTransition } from "@/lib/domain/automations";
import type { JiraClientConfig } from "./types";
import { type TransitionResult, walkWorkflow } from "./workflow";

/** Which issue goes back to which status, along which workflow order. */
export type TransitionBackRequest = { issueKey: string; target: string; order: string[] };

/**
 * Moves an issue back along its workflow to `target` (a regression in Sentry reopens the ticket): a
 * direct transition to the target if there is one, else the step furthest back. Safe to repeat: an
 * issue already there stays.
 */
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
