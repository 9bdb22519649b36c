import type { AutomationEvent } from "../lib/domain/automations";

/** The rows of the demo's automation history, shaped as the tables hold them. Ids are stable, so reseeding updates. */

export type DeliveryRow = {
  id: string;
  orgId: string;
  source: "sentry" | "github" | "jira";
  idempotencyKey: string;
  eventType: string;
  payload: Record<string, unknown>;
  status: "processed" | "ignored" | "failed";
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
};

export type RunRow = {
  id: string;
  orgId: string;
  ruleId: string;
  deliveryId: string;
  triggerKey: string;
  status: "succeeded" | "skipped" | "failed";
  input: AutomationEvent;
  decision: Record<string, unknown>;
  error: string | null;
  attempt: number;
  startedAt: Date;
  finishedAt: Date;
};

/** What the outbox stores with a write: its arguments and how to describe it. */
export type IntentPayload = {
  args: Record<string, unknown>;
  meta: { summary: string; actorLabel: string; target: { type: string; id: string } };
};

export type IntentRow = {
  id: string;
  orgId: string;
  service: "jira";
  operation: string;
  orderingKey: string;
  idempotencyKey: string;
  payload: IntentPayload;
  status: "succeeded" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  result: Record<string, unknown> | null;
  actorType: "automation";
  actorId: string;
  requestId: string;
  runId: string;
  createdAt: Date;
  completedAt: Date | null;
};

export type AuditRow = {
  id: string;
  orgId: string;
  actorType: "automation" | "user";
  actorId: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  changes: Record<string, unknown>;
  result: "success" | "failure";
  requestId: string;
  createdAt: Date;
};

export type JobRow = {
  id: string;
  orgId: string;
  queue: string;
  payload: Record<string, unknown>;
  status: "dead";
  attempts: number;
  maxAttempts: number;
  lastError: string;
  singletonKey: string;
  createdAt: Date;
  runAt: Date;
  deadAt: Date;
  finishedAt: Date;
};

export type TicketLinkRow = {
  id: string;
  orgId: string;
  jiraIssueKey: string;
  jiraIssueId: string;
  sentryIssueId: string;
  sentryShortId: string;
  createdVia: "automation";
  createdAt: Date;
};

export type HistoryRows = {
  deliveries: DeliveryRow[];
  runs: RunRow[];
  intents: IntentRow[];
  audits: AuditRow[];
  jobs: JobRow[];
  ticketLinks: TicketLinkRow[];
};
