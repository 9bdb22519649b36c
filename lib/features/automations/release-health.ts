import "server-only";
import { z } from "zod";
import { listEnabledRules } from "@/lib/db/queries/automations";
import { listOrgIdsWithEnabledRule } from "@/lib/db/system/scheduled-orgs";
import { type AutomationEvent, decide, parseRule } from "@/lib/domain/automations";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listReleaseSessions } from "@/lib/integrations/sentry";
import { enqueueJob, type JobRecord } from "@/lib/platform/jobs";
import { runRule } from "./run-rules";

/**
 * Sentry sends no webhook when a release's crash-free rate drops, so Bosun
 * checks: every 15 minutes per org with an enabled release-health rule, one
 * sessions request covers every release. A release below a rule's threshold
 * gets a run (and so one bug) per rule; releases above it leave no trace.
 */
export const RELEASE_HEALTH_QUEUE = "automation.release-health";
export const RELEASE_HEALTH_INTERVAL_MS = 15 * 60_000;
/** Crash-free rates over the last day: recent enough to catch a bad rollout. */
const WINDOW = "24h";

export async function scheduleReleaseHealthChecks(now = Date.now()): Promise<number> {
  const orgIds = await listOrgIdsWithEnabledRule({ kind: "release_health_to_jira" });
  const slot = Math.floor(now / RELEASE_HEALTH_INTERVAL_MS);
  let queued = 0;
  for (const orgId of orgIds) {
    const { created } = await enqueueJob({
      queue: RELEASE_HEALTH_QUEUE,
      orgId,
      payload: { orgId },
      singletonKey: `release-health:${orgId}:${slot}`,
      maxAttempts: 3,
    });
    if (created) queued++;
  }
  return queued;
}

export async function checkReleaseHealth(job: JobRecord): Promise<void> {
  const { orgId } = z.object({ orgId: z.string() }).parse(job.payload);
  const rules = await listEnabledRules({ orgId, kinds: ["release_health_to_jira"] });
  if (rules.length === 0) return;
  const sentry = await getSentryConfig({ orgId, requestId: `release-health-${job.id}` });
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
    for (const rule of rules) {
      const parsed = parseRule(rule);
      if (!parsed.ok || decide(parsed.rule, event).kind === "skip") continue;
      await runRule({
        orgId,
        rule,
        event,
        trigger: { key: `release:${release.version}`, deliveryId: null, requestId: `release-health-${job.id}` },
        lastAttempt: job.attempts >= job.maxAttempts,
      });
    }
  }
}
