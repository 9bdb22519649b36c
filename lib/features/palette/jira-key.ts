import "server-only";
import { findConnection } from "@/lib/db/queries/integrations";
import { findSentryIssuesForJiraKey } from "@/lib/db/queries/ticket-links";
import type { PaletteEntry } from "@/lib/domain/palette/entry";

/**
 * Where a Jira key leads: the errors page filtered to the Sentry issues linked
 * to it when Bosun shows any, otherwise the issue in Jira itself (from the
 * connection's site URL, no call to Jira). Nothing when Jira is not connected
 * and nothing is linked.
 */
export async function jiraKeyEntry({
  orgId,
  orgSlug,
  jiraKey,
}: {
  orgId: string;
  orgSlug: string;
  jiraKey: string;
}): Promise<PaletteEntry | null> {
  const links = await findSentryIssuesForJiraKey({ orgId, jiraIssueKey: jiraKey });
  if (links.length > 0) {
    const count = links.length === 1 ? "1 linked Sentry issue" : `${links.length} linked Sentry issues`;
    return {
      kind: "jira",
      label: jiraKey,
      detail: `Errors: ${count}`,
      href: `/${orgSlug}/errors?q=${encodeURIComponent(jiraKey)}`,
    };
  }
  const connection = await findConnection({ orgId, provider: "jira" });
  const siteUrl = (connection?.config as { siteUrl?: unknown } | null)?.siteUrl;
  if (!connection || connection.status === "disconnected" || typeof siteUrl !== "string") return null;
  if (!/^https?:\/\//.test(siteUrl)) return null;
  return {
    kind: "jira",
    label: jiraKey,
    detail: "Open in Jira",
    href: `${siteUrl.replace(/\/+$/, "")}/browse/${encodeURIComponent(jiraKey)}`,
    external: true,
  };
}
