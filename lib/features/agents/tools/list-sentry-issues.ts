import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Severity } from "@/lib/domain/severity";
import { loadErrorsPage } from "@/lib/features/errors";
import type { AgentContext } from "@/lib/features/agents/context";
import { fail, isUnreadable, ok, unreadableAnswer } from "./gate";
import { registerReadTool } from "./read-tool";

const SEVERITIES = ["critical", "high", "medium", "low"] as const satisfies readonly Severity[];

export const listSentryIssuesInput = {
  period: z.enum(["24h", "7d", "30d"]).default("7d").describe("Issues seen in this period."),
  severity: z.enum(SEVERITIES).optional().describe("Only issues of this severity (Bosun's classification)."),
  project: z.string().trim().min(1).max(100).optional().describe("Sentry project slug."),
  environment: z.string().trim().min(1).max(100).optional().describe("Sentry environment, such as production."),
  search: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      "Text in the title or culprit, a short id (WEB-123), or a Jira key (ACME-42) for the issues linked to it.",
    ),
  limit: z.number().int().min(1).max(100).default(25).describe("At most this many issues, most severe first."),
};

/**
 * list_sentry_issues: the errors page's list — unresolved Sentry issues with
 * Bosun's severity class and its reasons, users and events, and the linked
 * Jira key — most severe first, cut at `limit`.
 */
export function registerListSentryIssues(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "list_sentry_issues",
    {
      title: "List Sentry issues",
      description:
        "Lists unresolved Sentry issues, most severe first: id, short id, title, level, severity (critical/high/medium/low) with the reasons, users affected, events, last seen, the release it first appeared in, and the linked Jira key. Filter by period, severity, project, environment or search text.",
      inputSchema: listSentryIssuesInput,
      openWorldHint: true,
    },
    async ({ period, severity, project, environment, search, limit }) => {
      const page = await loadErrorsPage({
        orgId: ctx.org.id,
        filters: { period, severity, project, environment, search, sort: "severity" },
        requestId: ctx.requestId,
        strictEnvironment: true,
      });
      if (isUnreadable(page)) return unreadableAnswer("Sentry", ctx.org.name, page);
      if (page.status === "invalid") return fail(page.message, { field: page.field, environments: page.environments });

      const issues = page.issues.slice(0, limit).map((i) => ({
        id: i.id,
        shortId: i.shortId,
        title: i.title,
        culprit: i.culprit,
        project: i.project.slug,
        level: i.level,
        severity: i.severity,
        reasons: i.reasons,
        users: i.userCount,
        events: i.eventCount,
        firstSeen: i.firstSeen,
        lastSeen: i.lastSeen,
        firstRelease: i.firstReleaseVersion,
        assignee: i.assignee?.email ?? i.assignee?.name ?? null,
        jiraKey: i.jiraKey,
        permalink: i.permalink,
      }));
      const bySeverity = SEVERITIES.map((s) => [s, page.issues.filter((i) => i.severity === s).length] as const).filter(
        ([, n]) => n > 0,
      );
      const text =
        page.issues.length === 0
          ? `No unresolved Sentry issues match${page.total > 0 ? ` (of ${page.total} in the period)` : ""}.`
          : `${page.issues.length} matching unresolved Sentry issue(s) (${bySeverity.map(([s, n]) => `${n} ${s}`).join(", ")})${issues.length < page.issues.length ? `; showing the ${issues.length} most severe` : ""}.`;
      return ok(text, {
        issues,
        matching: page.issues.length,
        unresolvedInPeriod: page.total,
        projects: page.projects.map((p) => p.slug),
        linkedToJiraKey: page.reverseLookup,
        isComplete: page.isComplete,
        fetchedAt: page.fetchedAt,
        stale: page.stale,
        error: page.error,
      });
    },
  );
}
