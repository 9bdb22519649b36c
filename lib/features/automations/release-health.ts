import "server-only";
import { z } from "zod";
import { listEnabledRules } from "@/lib/db/queries/automations";
import { listOrgIdsWithEnabledRule } from "@/lib/db/system/scheduled-orgs";
import { listOrgIdsWithRollbackHook } from "@/lib/db/system/rollback-hook-orgs";
import type { AutomationRule } from "@/lib/db/types";
import type { AutomationEvent } from "@/lib/domain/automations";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listReleaseSessions } from "@/lib/integrations/sentry";
import { enqueuePerOrgSlot, type JobRecord } from "@/lib/platform/jobs";
import { raiseRollbackGates } from "@/lib/features/rollback";
import { notifyReleaseRegressions } from "@/lib/features/notifications";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { recordReleaseRegressions } from "@/lib/features/delivery";
import { checkPerformanceRegressions } from "./performance-check";
import { runActingRules } from "./scheduled-runs";

/**
 * Sentry sends no webhook when a release's crash-free rate drops, so Bosun
 * checks: every 15 minutes per org with an enabled release-health rule, one
 * sessions request covers every release. A release below a rule's threshold
 * gets a run (and so one bug) per rule; releases above it leave no trace.
 * The same check runs the performance-regression rules over the release
 * scorecards, which Sentry has no webhook for either, and raises the rollback
 * gate for releases that regressed soon after their deploy (orgs with a
 * rollback hook are checked even without a rule). A newly regressed release
 * is also told to the managers and its watchers.
 */
export const RELEASE_HEALTH_QUEUE = "automation.release-health";
export const RELEASE_HEALTH_INTERVAL_MS = 15 * 60_000;
/** Crash-free rates over the last day: recent enough to catch a bad rollout. */
const WINDOW = "24h";

const SCHEDULED_KINDS = ["release_health_to_jira", "performance_regression_to_jira"] as const;

export async function scheduleReleaseHealthChecks(now = Date.now()): Promise<number> {
  const [hooked, ...perKind] = await Promise.all([
    listOrgIdsWithRollbackHook(),
    ...SCHEDULED_KINDS.map((kind) => listOrgIdsWithEnabledRule({ kind })),
  ]);
  return enqueuePerOrgSlot({
    queue: RELEASE_HEALTH_QUEUE,
    orgIds: [...new Set([...perKind.flat(), ...hooked])],
    intervalMs: RELEASE_HEALTH_INTERVAL_MS,
    keyPrefix: "release-health",
    now,
  });
}

export async function checkReleaseHealth(job: JobRecord): Promise<void> {
  const { orgId } = z.object({ orgId: z.string() }).parse(job.payload);
  const rules = await listEnabledRules({ orgId, kinds: [...SCHEDULED_KINDS] });
  const requestId = `release-health-${job.id}`;
  const lastAttempt = job.attempts >= job.maxAttempts;
  const healthRules = rules.filter((rule) => rule.kind === "release_health_to_jira");
  const performanceRules = rules.filter((rule) => rule.kind === "performance_regression_to_jira");
  // One read of the scorecards serves the performance rules and the release-regression notifications.
  const { scorecards } = await loadReleaseScorecards({ orgId, requestId });
  await checkPerformanceRegressions({ orgId, rules: performanceRules, scorecards, requestId, lastAttempt });
  await checkHealthRules({ orgId, rules: healthRules, requestId, lastAttempt });
  // Managers and the release's watchers hear of a regressed release.
  await notifyReleaseRegressions({ orgId, scorecards });
  // Delivery history counts each regression against the deploy it followed (change failure rate).
  await recordReleaseRegressions({ orgId, scorecards });
  // After the rules: a gate's evidence reads the same cached release list and scorecards they just read.
  await raiseRollbackGates({ orgId, requestId });
}

async function checkHealthRules({
  orgId,
  rules: healthRules,
  requestId,
  lastAttempt,
}: {
  orgId: string;
  rules: AutomationRule[];
  requestId: string;
  lastAttempt: boolean;
}): Promise<void> {
  if (healthRules.length === 0) return;
  const sentry = await getSentryConfig({ orgId, requestId });
  if (!sentry) return;
  const releases = await listReleaseSessions(sentry, { statsPeriod: WINDOW });
  for (const release of releases) {
    const event: AutomationEvent = {
      type: "release.health",
      version: release.version,
      crashFreeSessionRate: release.crashFreeSessionRate,
      totalSessions: release.totalSessions,
      crashedSessions: release.crashedSessions,
    };
    const triggerKey = `release:${release.version}`;
    await runActingRules({ orgId, rules: healthRules, event, triggerKey, requestId, lastAttempt });
  }
}
