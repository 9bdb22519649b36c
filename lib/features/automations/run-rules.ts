import "server-only";
import { finishRun, listEnabledRules, openRun } from "@/lib/db/queries/automations";
import type { AutomationRule, JsonInput } from "@/lib/db/types";
import {
  AUTOMATION_KINDS,
  type AutomationEvent,
  KIND_EVENTS,
  decide,
  decisionRecord,
  parseRule,
} from "@/lib/domain/automations";
import { describeFailure, isTransient } from "@/lib/platform/outbox/retry-policy";
import { notifyRuleFailed } from "@/lib/features/notifications/rule-events";
import { executeDecision } from "./execute";
import { describeRunFailure } from "./failure-message";
import { gatherSentryIssueContext } from "./sentry-context";

/**
 * Runs every enabled rule that listens to an event, once per rule and trigger:
 * a run already succeeded or skipped is left alone, so a retried delivery only
 * redoes what did not finish. Each run records its input, decision, outbound
 * writes (the outbox intents carry its id) and outcome.
 */
export type Trigger = { key: string; deliveryId: string | null; requestId: string };
export type RuleRunResult = {
  ruleId: string;
  runId: string;
  status: "succeeded" | "skipped" | "failed" | "pending";
  message: string | null;
  retryAt?: Date | null;
  waitingOn?: "write" | "read";
};

/** Seconds until the earliest of the waiting runs' writes is due again (the queue's default wait when unknown). */
export function secondsUntilRetry(results: RuleRunResult[], now = Date.now()): number | undefined {
  const times = results.map((r) => r.retryAt?.getTime()).filter((t): t is number => t !== undefined);
  if (times.length === 0) return undefined;
  return Math.max(1, Math.ceil((Math.min(...times) - now) / 1000));
}

export async function runRulesForEvent({
  orgId,
  event,
  trigger,
  lastAttempt,
}: {
  orgId: string;
  event: AutomationEvent;
  trigger: Trigger;
  lastAttempt: boolean;
}): Promise<RuleRunResult[]> {
  const kinds = AUTOMATION_KINDS.filter((kind) => KIND_EVENTS[kind] === event.type);
  const rules = await listEnabledRules({ orgId, kinds });
  const results: RuleRunResult[] = [];
  for (const rule of rules) results.push(await runRule({ orgId, rule, event, trigger, lastAttempt }));
  return results;
}

type RunRuleInput = {
  orgId: string;
  rule: AutomationRule;
  event: AutomationEvent;
  trigger: Trigger;
  lastAttempt: boolean;
};

/** Runs one rule; a run that ends failed tells the rule's creator and the admins (once per run). */
export async function runRule(input: RunRuleInput): Promise<RuleRunResult> {
  const result = await runRuleOnce(input);
  if (result.status === "failed")
    await notifyRuleFailed({
      orgId: input.orgId,
      rule: input.rule,
      runId: result.runId,
      message: describeRunFailure(result.message),
    });
  return result;
}

async function runRuleOnce({ orgId, rule, event, trigger, lastAttempt }: RunRuleInput): Promise<RuleRunResult> {
  const { run, final } = await openRun({
    orgId,
    ruleId: rule.id,
    triggerKey: trigger.key,
    deliveryId: trigger.deliveryId,
    input: event as unknown as JsonInput,
  });
  const result = (
    status: RuleRunResult["status"],
    message: string | null = null,
    retryAt: Date | null = null,
  ): RuleRunResult => ({ ruleId: rule.id, runId: run.id, status, message, retryAt });
  if (final) return result(run.status as "succeeded" | "skipped");

  const parsed = parseRule(rule);
  if (!parsed.ok) {
    const message = `The rule's settings are no longer valid: ${parsed.error}`;
    await finishRun({ id: run.id, status: "failed", error: message });
    return result("failed", message);
  }
  try {
    const sentryContext =
      parsed.rule.kind === "sentry_issue_to_jira" && event.type === "sentry.issue"
        ? await gatherSentryIssueContext({ orgId, event, config: parsed.rule.config, requestId: trigger.requestId })
        : undefined;
    const decision = decide(parsed.rule, event, sentryContext);
    if (decision.kind === "skip") {
      await finishRun({ id: run.id, status: "skipped", decision: decisionRecord(decision) });
      return result("skipped", decision.reason);
    }
    const actor = { type: "automation" as const, id: rule.id, label: `Automation “${rule.name}”` };
    const outcome = await executeDecision(decision, {
      orgId,
      runId: run.id,
      triggerKey: trigger.key,
      actor,
      requestId: trigger.requestId,
    });
    if (outcome.status === "done") {
      await finishRun({ id: run.id, status: "succeeded", decision: decisionRecord(decision, outcome.notes) });
      return result("succeeded");
    }
    // A write waiting in the outbox ends on its own (applied, or failed once its retry window closes),
    // so the run keeps waiting for it even on the delivery's last attempt.
    if (outcome.status === "waiting") {
      await finishRun({
        id: run.id,
        status: "pending",
        decision: decisionRecord(decision, outcome.notes),
        error: outcome.message,
      });
      return { ...result("pending", outcome.message, outcome.retryAt), waitingOn: "write" };
    }
    await finishRun({
      id: run.id,
      status: "failed",
      decision: decisionRecord(decision, outcome.notes),
      error: outcome.message,
    });
    return result("failed", outcome.message);
  } catch (error) {
    // Reads (Sentry, the database) can fail too; a passing outage is waited out.
    const failure = describeFailure(error);
    const message = failure.status ? `${failure.status}: ${failure.message}` : failure.message;
    const retry = isTransient(failure) && !lastAttempt;
    await finishRun({ id: run.id, status: retry ? "pending" : "failed", error: message });
    return retry ? { ...result("pending", message), waitingOn: "read" } : result("failed", message);
  }
}
