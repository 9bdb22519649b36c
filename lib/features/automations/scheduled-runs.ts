import "server-only";
import type { AutomationRule } from "@/lib/db/types";
import { type AutomationEvent, decide, parseRule } from "@/lib/domain/automations";
import { runRule } from "./run-rules";

/**
 * For checks Bosun schedules itself (no delivery behind them): runs only the rules that would act on the event,
 * so a check that finds nothing wrong leaves no trace in the run log.
 */
export async function runActingRules({
  orgId,
  rules,
  event,
  triggerKey,
  requestId,
  lastAttempt,
}: {
  orgId: string;
  rules: AutomationRule[];
  event: AutomationEvent;
  triggerKey: string;
  requestId: string;
  lastAttempt: boolean;
}): Promise<void> {
  for (const rule of rules) {
    const parsed = parseRule(rule);
    if (!parsed.ok || decide(parsed.rule, event).kind === "skip") continue;
    await runRule({ orgId, rule, event, trigger: { key: triggerKey, deliveryId: null, requestId }, lastAttempt });
  }
}
