import "server-only";
import {
  automationActivity,
  listDeliveries,
  listRules,
  listRuns,
  type DeliveryOrder,
  type RunOrder,
} from "@/lib/db/queries/automations";
import type { SyncActivityOrder } from "@/lib/db/queries/sync-activity";
import { listFailedWrites, listPendingWrites, type ListedWrite } from "@/lib/db/queries/outbox";
import {
  AUTOMATION_KINDS,
  KIND_LABELS,
  RULE_CONFIG_SCHEMAS,
  describeRuleConfig,
  parseRule,
} from "@/lib/domain/automations";
import { can, type Role } from "@/lib/domain/permissions";
import { env } from "@/lib/platform/env";
import { listJobs } from "@/lib/platform/jobs";
import { getSyncSettings, loadSyncActivity, type SyncActivityRow } from "@/lib/features/sync";
import type { SyncSettings } from "@/lib/domain/sync";
import type { RuleKindOption, RuleView, RunStatusFilter } from "./views";
import { readRunDecision, type RunDecisionView } from "./run-decision";

export type { DeliveryOrder, RunOrder, SyncActivityOrder };
export type AutomationWrite = ListedWrite;
export type RunLogEntry = Omit<Awaited<ReturnType<typeof listRuns>>[number], "decision"> & {
  decision: RunDecisionView | null;
};
export type WebhookDeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];
/**
 * The services whose deliveries the page lists and counts: Sentry and GitHub feed the rules, Jira the sync.
 * One list for both, so "Deliveries (24 h)" never counts a delivery the list leaves out.
 */
const PAGE_DELIVERY_SOURCES = ["sentry", "github", "jira"] as const;

export type DeadJob = { id: string; queue: string; attempts: number; deadAt: Date | null; lastError: string | null };

/**
 * Everything the automations page shows but its run log. A member (who may not
 * see automations) gets only the writes they asked for themselves, so they can
 * follow and retry their own tickets and triage.
 */
export type AutomationsPageData =
  | { access: "own-writes"; pending: AutomationWrite[]; failed: AutomationWrite[] }
  | {
      access: "full";
      canEdit: boolean;
      rules: RuleView[];
      kinds: RuleKindOption[];
      pending: AutomationWrite[];
      failed: AutomationWrite[];
      deliveries: WebhookDeliveryRow[];
      deadJobs: DeadJob[];
      last24h: { deliveries: number; runsSucceeded: number; runsFailed: number };
      webhookUrls: { sentry: string; github: string };
      sync: { settings: SyncSettings; activity: SyncActivityRow[] };
    };

export async function loadAutomationsPage({
  orgId,
  orgSlug,
  userId,
  role,
  now,
  deliveryOrder,
  syncOrder,
}: {
  orgId: string;
  orgSlug: string;
  userId: string;
  role: Role;
  now: Date;
  /** The delivery list's order, taken in SQL so its 25 rows are the first of that order (default: newest first). */
  deliveryOrder?: DeliveryOrder;
  /** The sync log's order, likewise taken in SQL (default: latest recorded first). */
  syncOrder?: SyncActivityOrder;
}): Promise<AutomationsPageData> {
  if (!can(role, "automations:view")) {
    const [pending, failed] = await Promise.all([
      listPendingWrites({ orgId, actorId: userId }),
      listFailedWrites({ orgId, actorId: userId }),
    ]);
    return { access: "own-writes", pending, failed };
  }
  const [rules, pending, failed, deliveries, deadJobs, activity, syncSettings, syncActivity] = await Promise.all([
    listRules({ orgId }),
    listPendingWrites({ orgId }),
    listFailedWrites({ orgId }),
    listDeliveries({ orgId, sources: PAGE_DELIVERY_SOURCES, orderBy: deliveryOrder }),
    listJobs({ orgId, statuses: ["dead"], limit: 20 }),
    automationActivity({ orgId, since: new Date(now.getTime() - 86_400_000), sources: PAGE_DELIVERY_SOURCES }),
    getSyncSettings({ orgId }),
    loadSyncActivity({ orgId, orderBy: syncOrder }),
  ]);
  const views = rules.map(ruleView);
  const hook = (source: string) => `${env.publicUrl}/api/webhooks/${source}/${orgSlug}`;
  return {
    access: "full",
    canEdit: can(role, "automations:edit"),
    rules: views,
    kinds: kindOptions(views),
    pending,
    failed,
    deliveries,
    deadJobs: deadJobs.map((job) => ({
      id: job.id,
      queue: job.queue,
      attempts: job.attempts,
      deadAt: job.deadAt,
      lastError: job.lastError,
    })),
    last24h: {
      deliveries: Object.values(activity.deliveries).reduce((a, b) => a + (b ?? 0), 0),
      runsSucceeded: activity.runs.succeeded ?? 0,
      runsFailed: activity.runs.failed ?? 0,
    },
    webhookUrls: { sentry: hook("sentry"), github: hook("github") },
    sync: { settings: syncSettings, activity: syncActivity },
  };
}

/**
 * The run log on its own: it is the page's longest read, so the page streams it after the rest. `order` is taken in
 * SQL, so the 50 runs shown are the first of that order (default: newest first).
 */
export async function loadAutomationRunLog({
  orgId,
  status,
  order,
}: {
  orgId: string;
  status?: RunStatusFilter;
  order?: RunOrder;
}): Promise<RunLogEntry[]> {
  const runs = await listRuns({ orgId, filter: { status }, orderBy: order });
  return runs.map((run) => ({ ...run, decision: readRunDecision(run.decision) }));
}

function ruleView(rule: Awaited<ReturnType<typeof listRules>>[number]): RuleView {
  const parsed = parseRule(rule);
  return {
    id: rule.id,
    kind: rule.kind,
    name: rule.name,
    enabled: rule.enabled,
    title: KIND_LABELS[rule.kind].title,
    description: parsed.ok ? describeRuleConfig(parsed.rule) : KIND_LABELS[rule.kind].description,
    config: (parsed.ok ? parsed.rule.config : rule.config) as Record<string, unknown>,
    problem: parsed.ok
      ? null
      : `These settings no longer validate (${parsed.error}); the rule fails until they are fixed.`,
  };
}

/** New rules start from the project key the org's rules already use, so most forms need no typing. */
function kindOptions(views: RuleView[]): RuleKindOption[] {
  const suggestedKey =
    views.map((v) => v.config.jiraProjectKey).find((key): key is string => typeof key === "string") ?? "";
  return AUTOMATION_KINDS.map((kind) => ({
    kind,
    ...KIND_LABELS[kind],
    defaults: (RULE_CONFIG_SCHEMAS[kind].safeParse({ jiraProjectKey: suggestedKey || "ACME" }).data ?? {}) as Record<
      string,
      unknown
    >,
  }));
}
