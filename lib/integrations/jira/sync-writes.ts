import "server-only";
import { type AvailableTransition, type StatusRef, statusRank } from "@/lib/domain/automations";
import { callJira, createJiraClients } from "./client";
import type { JiraClientConfig } from "./types";
import type { TransitionResult } from "./workflow";

/**
 * Moves an issue back along its workflow to `target` (a regression in Sentry reopens the ticket): a
 * direct transition to the target if there is one, else the step furthest back. Safe to repeat: an
 * issue already there stays.
 */
const MAX_STEPS = 6;

/** A status as the Jira SDK types it loosely: name and category, with safe fallbacks. */
function statusOf(raw: unknown): StatusRef {
  const status = (raw ?? {}) as { name?: string; statusCategory?: { key?: string } };
  return { name: status.name ?? "Unknown", category: status.statusCategory?.key ?? "indeterminate" };
}
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The issue's status and the transitions open from it. */
async function workflowState(config: JiraClientConfig, issueKey: string) {
  const { v3 } = createJiraClients(config);
  const [issue, answer] = await Promise.all([
    callJira(() => v3.issues.getIssue({ issueIdOrKey: issueKey, fields: ["status"] })),
    callJira(() => v3.issues.getTransitions({ issueIdOrKey: issueKey })),
  ]);
  const available: AvailableTransition[] = [];
  for (const transition of answer.transitions ?? [])
    if (transition.id && transition.to) available.push({ id: transition.id, to: statusOf(transition.to) });
  return { current: statusOf(issue.fields.status), available };
}

/** Which issue goes back to which status, along which workflow order. */
export type TransitionBackRequest = { issueKey: string; target: string; order: string[] };

export async function transitionBack(
  config: JiraClientConfig,
  request: TransitionBackRequest,
): Promise<TransitionResult> {
  const { issueKey, target, order } = request;
  let from: string | null = null;
  const steps: string[] = [];
  while (steps.length < MAX_STEPS) {
    const { current, available } = await workflowState(config, issueKey);
    from ??= current.name;
    if (same(current.name, target)) return { issueKey, from, to: current.name, steps, note: `already ${current.name}` };
    const currentRank = statusRank(current, order);
    const choice =
      available.find((t) => same(t.to.name, target)) ??
      available
        .filter((t) => statusRank(t.to, order) < currentRank)
        .sort((a, b) => statusRank(a.to, order) - statusRank(b.to, order))[0];
    if (!choice) {
      const reason = `no transition from ${current.name} leads back towards ${target}`;
      if (steps.length > 0) return { issueKey, from, to: current.name, steps, note: reason };
      throw Object.assign(new Error(`${issueKey}: ${reason}`), { status: 422 });
    }
    await callJira(() =>
      createJiraClients(config).v3.issues.doTransition({ issueIdOrKey: issueKey, transition: { id: choice.id } }),
    );
    steps.push(choice.to.name);
  }
  throw Object.assign(new Error(`${issueKey}: more than ${MAX_STEPS} transitions back to ${target}`), { status: 422 });
}
