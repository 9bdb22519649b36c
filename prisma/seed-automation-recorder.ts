import { buildAuditDiff } from "../lib/domain/audit/diff";
import {
  decide,
  decisionRecord,
  parseRule,
  type AutomationKind,
  type Decision,
  type SentryIssueContext,
} from "../lib/domain/automations";
import type { SeedDelivery } from "./seed-automation-payloads";
import type { AuditRow, DeliveryRow, HistoryRows, IntentRow, RunRow } from "./seed-automation-rows";

/**
 * Records the demo's history as intake, the rules and the outbox would have: a delivery, then each rule's run
 * on it with what the rule's own `decide` makes of the event, the writes it made, and one audit entry per write
 * that ended (as lib/platform/outbox/perform.ts writes them).
 */

const HOUR = 3_600_000;
export type SeedRule = { id: string; kind: AutomationKind; name: string; enabled: boolean; config: unknown };

/** A write as a run made it; the recorder adds who made it and for which run. */
export type SeedWrite = Omit<IntentRow, "id" | "orgId" | "runId" | "actorType" | "actorId" | "requestId">;

type RunOutcome = {
  sentryContext?: SentryIssueContext;
  writes?: (decision: Decision) => SeedWrite[];
  status?: RunRow["status"];
  error?: string;
  notes?: string[];
  attempt?: number;
  /** How long the run took, from its delivery's arrival. */
  minutes?: number;
};

export function createHistoryRecorder({
  orgId,
  org,
  now,
  rules,
}: {
  orgId: string;
  org: string;
  now: Date;
  rules: SeedRule[];
}) {
  const rows: HistoryRows = { deliveries: [], runs: [], intents: [], audits: [], jobs: [], ticketLinks: [] };
  const counters = new Map<string, number>();
  const nextId = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `seed_${org}_${kind}_${String(n).padStart(2, "0")}`;
  };
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);

  /** The org's rule of this kind as it is now; null when an admin deleted it or left it invalid. */
  const ruleOf = (kind: AutomationKind) => {
    const found = rules.find((r) => r.kind === kind);
    const parsed = found ? parseRule(found) : null;
    if (!found || !parsed?.ok) return null;
    return { id: found.id, rule: parsed.rule, actorLabel: `Automation “${found.name}”` };
  };

  function audit(row: Omit<AuditRow, "id" | "orgId">) {
    rows.audits.push({ id: nextId("audit"), orgId, ...row });
  }

  function delivery(seed: SeedDelivery, receivedHoursAgo: number, outcome: Partial<DeliveryRow> = {}): DeliveryRow {
    const receivedAt = hoursAgo(receivedHoursAgo);
    const row: DeliveryRow = {
      id: nextId("delivery"),
      orgId,
      source: seed.source,
      idempotencyKey: seed.idempotencyKey,
      eventType: seed.eventType,
      payload: seed.payload,
      status: seed.ignoredReason ? "ignored" : "processed",
      error: seed.ignoredReason,
      receivedAt,
      processedAt: new Date(receivedAt.getTime() + 1_500),
      ...outcome,
    };
    rows.deliveries.push(row);
    return row;
  }

  function run(kind: AutomationKind, on: DeliveryRow, event: SeedDelivery["event"], outcome: RunOutcome = {}) {
    const chosen = ruleOf(kind);
    if (!event || !chosen) return null;
    const { id: ruleId, rule, actorLabel } = chosen;
    const decision = decide(rule, event, outcome.sentryContext);
    const runId = nextId("run");
    const requestId = `webhook-${on.id}`;
    for (const write of outcome.writes?.(decision) ?? []) {
      const intent: IntentRow = {
        ...write,
        id: nextId("intent"),
        orgId,
        runId,
        actorType: "automation",
        actorId: ruleId,
        requestId,
      };
      rows.intents.push(intent);
      const { meta, args } = intent.payload;
      audit({
        actorType: "automation",
        actorId: ruleId,
        actorLabel,
        action: intent.operation,
        targetType: meta.target.type,
        targetId: meta.target.id,
        summary: intent.status === "failed" ? `${meta.summary} — failed: ${intent.lastError}` : meta.summary,
        changes: { attempts: intent.attempts, diff: buildAuditDiff(args) },
        result: intent.status === "failed" ? "failure" : "success",
        requestId,
        createdAt: intent.completedAt ?? intent.createdAt,
      });
    }
    rows.runs.push({
      id: runId,
      orgId,
      ruleId,
      deliveryId: on.id,
      triggerKey: `delivery:${on.id}`,
      status: outcome.status ?? (decision.kind === "skip" ? "skipped" : "succeeded"),
      input: event,
      decision: decisionRecord(decision, outcome.notes),
      error: outcome.error ?? null,
      attempt: outcome.attempt ?? 1,
      startedAt: new Date(on.receivedAt.getTime() + 1_000),
      finishedAt: new Date(on.receivedAt.getTime() + (outcome.minutes ?? 0.05) * 60_000),
    });
    return { runId, decision };
  }

  return { rows, nextId, hoursAgo, delivery, run, audit };
}

export type HistoryRecorder = ReturnType<typeof createHistoryRecorder>;
