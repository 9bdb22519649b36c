import { DEMO_JIRA_WEBHOOK_SECRETS } from "../../lib/platform/config/demo";
import type { JiraAdminWebhook, JiraSiteData } from "../jira/model";

/**
 * The admin webhook each demo site starts with when the emulator knows
 * Bosun's URL: every event Bosun's Jira intake understands, signed with the
 * site's demo secret, delivered to /api/webhooks/jira/<site>.
 */
export const DEMO_JIRA_WEBHOOK_EVENTS = [
  "sprint_started",
  "sprint_closed",
  "sprint_updated",
  "sprint_created",
  "jira:issue_created",
  "jira:issue_updated",
  "jira:issue_deleted",
  "issuelink_created",
  "issuelink_deleted",
  "jira:version_released",
] as const;

export function demoJiraWebhookSecret(slug: string): string | null {
  return (DEMO_JIRA_WEBHOOK_SECRETS as Record<string, string>)[slug] ?? null;
}

export function demoJiraWebhook(site: JiraSiteData, bosunUrl: string, now: number): JiraAdminWebhook {
  return {
    id: site.nextIds.webhook++,
    name: "Bosun",
    url: `${bosunUrl.replace(/\/$/, "")}/api/webhooks/jira/${site.slug}`,
    events: [...DEMO_JIRA_WEBHOOK_EVENTS],
    jqlFilter: "",
    excludeBody: false,
    secret: demoJiraWebhookSecret(site.slug),
    enabled: true,
    lastUpdated: now,
    lastUpdatedAccountId: site.adminAccountIds[0] ?? site.users[0]?.accountId ?? "",
  };
}

/** Adds the Bosun registration to every site (nothing without a Bosun URL). */
export function addDemoJiraWebhooks(sites: JiraSiteData[], bosunUrl: string | null, now: number): JiraSiteData[] {
  if (!bosunUrl) return sites;
  for (const site of sites) site.webhooks.push(demoJiraWebhook(site, bosunUrl, now));
  return sites;
}
