import "server-only";
import {
  type AvailableTransition,
  chooseForwardTransition,
  type StatusRef,
  type TransitionChoice,
} from "@/lib/domain/automations";
import type { AdfDoc } from "@/lib/domain/adf";
import { adfPlainText } from "@/lib/domain/adf";
import { callJira, createJiraClients } from "./client";
import type { JiraClientConfig } from "./types";

/**
 * Jira workflow writes for automations: forward-only transitions found through
 * the transitions API by target status, and comments. Both are safe to repeat,
 * as every outbox operation must be.
 */
const MAX_STEPS = 6;

type StatusField = { name?: string; statusCategory?: { key?: string } };
const toStatusRef = (status: StatusField | undefined): StatusRef => ({
  name: status?.name ?? "Unknown",
  category: status?.statusCategory?.key ?? "indeterminate",
});

export type TransitionResult = { issueKey: string; from: string; to: string; steps: string[]; note: string };

/** Where the issue is and which transitions are open from there. */
export type WorkflowState = { current: StatusRef; available: AvailableTransition[] };

/**
 * Walks the issue through its workflow one transition at a time, asking `choose` at each status which
 * transition to take, until it says stay or none leads on. `towards` words the give-up error ("towards Done").
 */
export async function walkWorkflow(
  config: JiraClientConfig,
  {
    issueKey,
    towards,
    choose,
  }: { issueKey: string; towards: string; choose: (state: WorkflowState) => TransitionChoice },
): Promise<TransitionResult> {
  const { v3 } = createJiraClients(config);
  const steps: string[] = [];
  let from: string | null = null;
  for (let step = 0; step < MAX_STEPS; step++) {
    const issue = await callJira(() => v3.issues.getIssue({ issueIdOrKey: issueKey, fields: ["status"] }));
    const current = toStatusRef(issue.fields.status as StatusField);
    from ??= current.name;
    const answer = await callJira(() => v3.issues.getTransitions({ issueIdOrKey: issueKey }));
    const available: AvailableTransition[] = (answer.transitions ?? [])
      .filter((t) => t.id && t.to)
      .map((t) => ({ id: t.id as string, to: toStatusRef(t.to as StatusField) }));
    const choice = choose({ current, available });
    if (choice.kind === "stay") return { issueKey, from, to: current.name, steps, note: choice.reason };
    if (choice.kind === "blocked") {
      if (steps.length > 0) return { issueKey, from, to: current.name, steps, note: choice.reason };
      throw Object.assign(new Error(`${issueKey}: ${choice.reason}`), { status: 422 });
    }
    await callJira(() => v3.issues.doTransition({ issueIdOrKey: issueKey, transition: { id: choice.transitionId } }));
    steps.push(choice.to);
  }
  throw Object.assign(new Error(`${issueKey}: more than ${MAX_STEPS} transitions ${towards}`), { status: 422 });
}

/** Moves the issue step by step towards `target`, never backwards; stops when it is there or past it. */
export async function transitionForward(
  config: JiraClientConfig,
  { issueKey, target, order }: { issueKey: string; target: string; order: string[] },
): Promise<TransitionResult> {
  return walkWorkflow(config, {
    issueKey,
    towards: `towards ${target}`,
    choose: ({ current, available }) => chooseForwardTransition({ current, target, order, available }),
  });
}

/**
 * Adds a comment unless one with the same text is already among the issue's
 * latest comments — so a retry after a lost answer does not comment twice.
 */
export async function addCommentOnce(
  config: JiraClientConfig,
  { issueKey, body }: { issueKey: string; body: AdfDoc },
): Promise<{ issueKey: string; commentId: string; existing: boolean }> {
  const { v3 } = createJiraClients(config);
  const wanted = adfPlainText(body);
  const recent = await callJira(() =>
    v3.issueComments.getComments({ issueIdOrKey: issueKey, orderBy: "-created", maxResults: 50 }),
  );
  const same = (recent.comments ?? []).find(
    (comment) => comment.body && adfPlainText(comment.body as AdfDoc) === wanted,
  );
  if (same?.id) return { issueKey, commentId: same.id, existing: true };
  const created = await callJira(() => v3.issueComments.addComment({ issueIdOrKey: issueKey, comment: body as never }));
  return { issueKey, commentId: created.id ?? "", existing: false };
}
