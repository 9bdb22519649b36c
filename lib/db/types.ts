import type { Prisma } from "./generated/client";

/*
 * The database's types under names of their own, so code outside lib/db never
 * names the generated client: a schema or generator change stays in lib/db.
 * Types only, so client components may import them too.
 */

/** A handle on an open transaction; queries that take one run inside the caller's transaction. */
export type Tx = Prisma.TransactionClient;

/** A value a JSON column accepts. */
export type JsonInput = Prisma.InputJsonValue;

export type {
  ActorType,
  ApiKeyScope,
  AuditResult,
  AutomationKind,
  DeliveryStatus,
  IntentStatus,
  NotificationEvent,
  JobStatus,
  ReleaseNoteVariant,
  Role,
  RunStatus,
  WebhookSource,
} from "./generated/enums";
export type { AutomationRule, AutomationRun, Job, OutboxIntent } from "./generated/client";
