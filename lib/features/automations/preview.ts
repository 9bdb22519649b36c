import "server-only";
import { listDeliveries } from "@/lib/db/queries/automations";
import { type AnyRule, type AutomationEvent, KIND_EVENTS, decide, describeEvent } from "@/lib/domain/automations";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listReleaseSessions } from "@/lib/integrations/sentry";
import { readStoredDelivery } from "./process-delivery";
import { listPerformanceRegressionEvents } from "./performance-check";
import { gatherSentryIssueContext } from "./sentry-context";

/**
 * "What would this rule do with the last 10 events?" — the same decision code
 * the processor runs, over recent deliveries (or, for release health, the
 * releases Sentry reports now; for performance, the regressions the release
 * scorecards flag now), without writing anything.
 */
export type PreviewRow = { at: string | null; event: string; decision: { kind: string; summary: string } };
const PREVIEW_SIZE = 10;

async function recentEvents(orgId: string, rule: AnyRule): Promise<{ at: string | null; event: AutomationEvent }[]> {
  const wanted = KIND_EVENTS[rule.kind];
  if (wanted === "release.health") {
    const sentry = await getSentryConfig({ orgId, requestId: `preview-${rule.id}` });
    if (!sentry) return [];
    const releases = await listReleaseSessions(sentry, { statsPeriod: "24h" });
    return releases.slice(0, PREVIEW_SIZE).map((r) => ({
      at: null,
      event: {
        type: "release.health",
        version: r.version,
        crashFreeSessionRate: r.crashFreeSessionRate,
        totalSessions: r.totalSessions,
        crashedSessions: r.crashedSessions,
      },
    }));
  }
  if (wanted === "release.performance") {
    const events = await listPerformanceRegressionEvents({ orgId, requestId: `preview-${rule.id}` });
    return events.slice(0, PREVIEW_SIZE).map((event) => ({ at: null, event }));
  }
  const source = wanted.startsWith("git.") ? "github" : "sentry";
  const deliveries = await listDeliveries({ orgId, sources: [source], take: 100 });
  const events: { at: string | null; event: AutomationEvent }[] = [];
  for (const delivery of deliveries) {
    const reading = readStoredDelivery(delivery);
    if (reading.kind === "event" && reading.event.type === wanted)
      events.push({ at: delivery.receivedAt.toISOString(), event: reading.event });
    if (events.length === PREVIEW_SIZE) break;
  }
  return events;
}

export async function previewRule({ orgId, rule }: { orgId: string; rule: AnyRule }): Promise<PreviewRow[]> {
  const rows: PreviewRow[] = [];
  for (const { at, event } of await recentEvents(orgId, rule)) {
    const context =
      rule.kind === "sentry_issue_to_jira" && event.type === "sentry.issue"
        ? await gatherSentryIssueContext({ orgId, event, config: rule.config, requestId: `preview-${rule.id}` })
        : undefined;
    const decision = decide(rule, event, context);
    rows.push({
      at,
      event: describeEvent(event),
      decision: { kind: decision.kind, summary: decision.kind === "skip" ? decision.reason : decision.summary },
    });
  }
  return rows;
}
