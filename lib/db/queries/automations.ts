import "server-only";
import { db } from "@/lib/db/client";
import type { AutomationKind, Prisma, RunStatus } from "@/lib/db/generated/client";

/** Automation rules and their run log. Every query is scoped by org. */

export async function listRules({ orgId }: { orgId: string }) {
  return db.automationRule.findMany({ where: { orgId }, orderBy: [{ kind: "asc" }, { createdAt: "asc" }] });
}

export async function listEnabledRules({ orgId, kinds }: { orgId: string; kinds: AutomationKind[] }) {
  return db.automationRule.findMany({
    where: { orgId, enabled: true, kind: { in: kinds } },
    orderBy: { createdAt: "asc" },
  });
}

export async function findRule({ orgId, ruleId }: { orgId: string; ruleId: string }) {
  return db.automationRule.findFirst({ where: { id: ruleId, orgId } });
}

export async function createRule(input: {
  orgId: string;
  kind: AutomationKind;
  name: string;
  enabled: boolean;
  config: Prisma.InputJsonValue;
  createdById: string | null;
}) {
  return db.automationRule.create({ data: input });
}

/** Updates a rule of this org; null when the rule is not the org's. */
export async function updateRule({
  orgId,
  ruleId,
  data,
}: {
  orgId: string;
  ruleId: string;
  data: { name?: string; enabled?: boolean; config?: Prisma.InputJsonValue };
}) {
  const updated = await db.automationRule.updateMany({ where: { id: ruleId, orgId }, data });
  return updated.count === 0 ? null : findRule({ orgId, ruleId });
}

export async function deleteRule({ orgId, ruleId }: { orgId: string; ruleId: string }) {
  return (await db.automationRule.deleteMany({ where: { id: ruleId, orgId } })).count > 0;
}

/** The run of one rule for one trigger, created on first sight. Concurrent callers get the same row. */
export async function openRun({
  orgId,
  ruleId,
  triggerKey,
  deliveryId,
  input,
}: {
  orgId: string;
  ruleId: string;
  triggerKey: string;
  deliveryId: string | null;
  input: Prisma.InputJsonValue;
}) {
  const existing = await db.automationRun.findUnique({ where: { ruleId_triggerKey: { ruleId, triggerKey } } });
  if (existing) {
    if (existing.status === "succeeded" || existing.status === "skipped") return { run: existing, final: true };
    return {
      run: await db.automationRun.update({
        where: { id: existing.id },
        data: { status: "running", attempt: { increment: 1 }, finishedAt: null },
      }),
      final: false,
    };
  }
  const created = await db.automationRun.createManyAndReturn({
    data: [{ orgId, ruleId, triggerKey, deliveryId, input, status: "running" }],
    skipDuplicates: true,
  });
  if (created[0]) return { run: created[0], final: false };
  return openRun({ orgId, ruleId, triggerKey, deliveryId, input });
}

export async function finishRun({
  id,
  status,
  decision,
  error,
}: {
  id: string;
  status: RunStatus;
  decision?: Prisma.InputJsonValue;
  error?: string | null;
}) {
  const final = status === "succeeded" || status === "skipped" || status === "failed";
  return db.automationRun.update({
    where: { id },
    data: {
      status,
      ...(decision !== undefined ? { decision } : {}),
      error: error ?? null,
      finishedAt: final ? new Date() : null,
    },
  });
}

export type RunFilter = { status?: RunStatus; ruleId?: string };

type OrderDir = "asc" | "desc";

/**
 * How a list is ordered in SQL, so a list cut at `take` rows holds the first rows of the whole order and not a
 * re-sorted window of the newest. Ties go newest first; enums (status, source, outcome, direction) sort in the order
 * the schema declares them.
 */
export type RunOrder = { by: "startedAt" | "rule" | "status"; dir: OrderDir };
export type DeliveryOrder = { by: "receivedAt" | "source" | "eventType" | "status"; dir: OrderDir };

const RUN_INCLUDE = {
  rule: { select: { id: true, name: true, kind: true } },
  delivery: { select: { id: true, source: true, eventType: true, receivedAt: true } },
  intents: {
    select: {
      id: true,
      operation: true,
      status: true,
      attempts: true,
      lastError: true,
      result: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.AutomationRunInclude;

const RUNS_NEWEST_FIRST = [
  { startedAt: "desc" },
  { id: "desc" },
] satisfies Prisma.AutomationRunOrderByWithRelationInput[];

/** The run log (newest first unless `orderBy` says otherwise), with each run's rule, delivery and outbound writes. */
export async function listRuns({
  orgId,
  filter = {},
  take = 50,
  orderBy = { by: "startedAt", dir: "desc" },
}: {
  orgId: string;
  filter?: RunFilter;
  take?: number;
  orderBy?: RunOrder;
}) {
  const where: Prisma.AutomationRunWhereInput = {
    orgId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.ruleId ? { ruleId: filter.ruleId } : {}),
  };
  if (orderBy.by === "rule") {
    // A run whose rule was deleted has no name to sort by: it comes after the named ones in either direction.
    const named = await db.automationRun.findMany({
      where: { AND: [where, { ruleId: { not: null } }] },
      orderBy: [{ rule: { name: orderBy.dir } }, ...RUNS_NEWEST_FIRST],
      take,
      include: RUN_INCLUDE,
    });
    if (named.length >= take) return named;
    const unnamed = await db.automationRun.findMany({
      where: { AND: [where, { ruleId: null }] },
      orderBy: RUNS_NEWEST_FIRST,
      take: take - named.length,
      include: RUN_INCLUDE,
    });
    return [...named, ...unnamed];
  }
  return db.automationRun.findMany({
    where,
    orderBy:
      orderBy.by === "status"
        ? [{ status: orderBy.dir }, ...RUNS_NEWEST_FIRST]
        : [{ startedAt: orderBy.dir }, { id: orderBy.dir }],
    take,
    include: RUN_INCLUDE,
  });
}

/** How many of the org's runs for one delivery failed. */
export async function countFailedRunsOfDelivery({
  orgId,
  deliveryId,
}: {
  orgId: string;
  deliveryId: string;
}): Promise<number> {
  return db.automationRun.count({ where: { orgId, deliveryId, status: "failed" } });
}

export async function findRun({ orgId, runId }: { orgId: string; runId: string }) {
  return db.automationRun.findFirst({ where: { id: runId, orgId } });
}

export type DeliverySource = "sentry" | "github" | "workos" | "jira";

function deliveryOrderBy({ by, dir }: DeliveryOrder): Prisma.WebhookDeliveryOrderByWithRelationInput[] {
  if (by === "receivedAt") return [{ receivedAt: dir }, { id: dir }];
  const first = by === "source" ? { source: dir } : by === "eventType" ? { eventType: dir } : { status: dir };
  return [first, { receivedAt: "desc" }, { id: "desc" }];
}

/** Webhook deliveries of the org, the newest first unless `orderBy` says otherwise. */
export async function listDeliveries({
  orgId,
  sources,
  take = 25,
  orderBy = { by: "receivedAt", dir: "desc" },
}: {
  orgId: string;
  sources?: readonly DeliverySource[];
  take?: number;
  orderBy?: DeliveryOrder;
}) {
  return db.webhookDelivery.findMany({
    where: { orgId, ...(sources ? { source: { in: [...sources] } } : {}) },
    orderBy: deliveryOrderBy(orderBy),
    take,
    select: {
      id: true,
      source: true,
      eventType: true,
      status: true,
      error: true,
      receivedAt: true,
      processedAt: true,
      payload: true,
    },
  });
}

/**
 * Deliveries and runs per status since a time, for the page's summary. Pass the same `sources` as the
 * delivery list beside it, so the count and the list describe the same deliveries.
 */
export async function automationActivity({
  orgId,
  since,
  sources,
}: {
  orgId: string;
  since: Date;
  sources?: readonly DeliverySource[];
}) {
  const [deliveries, runs] = await Promise.all([
    db.webhookDelivery.groupBy({
      by: ["status"],
      where: { orgId, receivedAt: { gte: since }, ...(sources ? { source: { in: [...sources] } } : {}) },
      _count: { _all: true },
    }),
    db.automationRun.groupBy({ by: ["status"], where: { orgId, startedAt: { gte: since } }, _count: { _all: true } }),
  ]);
  const count = <S extends string>(groups: { status: S; _count: { _all: number } }[]) =>
    Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Partial<Record<S, number>>;
  return { deliveries: count(deliveries), runs: count(runs) };
}
