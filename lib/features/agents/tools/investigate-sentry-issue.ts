import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { frameLine } from "@/lib/domain/investigation/jira-description";
import { scrubDeep } from "@/lib/domain/investigation/scrub";
import type { AgentContext } from "@/lib/features/agents/context";
import { loadInvestigation, type InvestigationReport } from "@/lib/features/investigation";
import { fail, isUnreadable, ok, unreadableAnswer } from "./gate";
import { registerReadTool } from "./read-tool";

export const investigateSentryIssueInput = {
  issueId: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, "must be a Sentry issue id (the numeric id from list_sentry_issues)")
    .describe("The Sentry issue to investigate (its numeric id)."),
};

/**
 * What an agent gets: the report with personal data scrubbed from every text
 * (the event's user block left out entirely), links to Sentry and Jira kept.
 */
export function agentReport(report: InvestigationReport): InvestigationReport {
  const event = report.latestEvent ? { ...report.latestEvent, user: null } : null;
  const scrubbed = scrubDeep({ ...report, latestEvent: event });
  return {
    ...scrubbed,
    issue: { ...scrubbed.issue, permalink: report.issue.permalink },
    jira: report.jira && scrubbed.jira ? { ...scrubbed.jira, url: report.jira.url } : scrubbed.jira,
  };
}

function summary(report: InvestigationReport): string {
  const { issue } = report;
  const thrown = report.latestEvent?.exceptions.at(-1);
  const topFrame = thrown ? [...thrown.frames].reverse().find((f) => f.inApp) : undefined;
  const suspect = report.suspectCommits[0];
  return [
    `${issue.shortId} "${issue.title}" in ${issue.projectSlug}: ${issue.eventCount} events, ${issue.userCount} users, first in ${issue.firstRelease ?? "an unknown release"}, last in ${issue.lastRelease ?? "an unknown release"}.`,
    topFrame ? `Innermost in-app frame: ${frameLine(topFrame).slice(2)}.` : "No in-app frame in the latest event.",
    suspect
      ? `Top suspect commit: ${suspect.id.slice(0, 12)} "${suspect.message.split("\n")[0]}" by ${suspect.author?.name ?? "an unknown author"}. ${suspect.why}`
      : `No suspect commit: ${report.suspectNote}`,
    report.owners
      ? `Owners: ${report.owners.owners.map((o) => o.name).join(", ") || "nobody"} (${report.owners.because}).`
      : "",
    report.jira ? `Jira: ${report.jira.key} (${report.jira.status ?? "status unknown"}).` : "No Jira ticket linked.",
    report.gaps.length > 0 ? `Could not read: ${report.gaps.map((g) => g.part).join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** investigate_sentry_issue: the investigation report of one Sentry issue, as on its investigation page. */
export function registerInvestigateSentryIssue(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "investigate_sentry_issue",
    {
      title: "Investigate a Sentry issue",
      description:
        "The investigation report of one Sentry issue: the latest event's exception and stack frames (in-app marked), breadcrumbs, the tag breakdown (release, environment, browser, OS, URL, transaction), events and users over time, first and last release, suspect commits with the reason, similar issues, owners by the ownership rules, and the linked Jira ticket with its status. E-mails, IPs, tokens and cookies are scrubbed.",
      inputSchema: investigateSentryIssueInput,
      openWorldHint: true,
    },
    async ({ issueId }) => {
      const page = await loadInvestigation({ orgId: ctx.org.id, issueId, requestId: ctx.requestId });
      if (isUnreadable(page)) return unreadableAnswer("Sentry", ctx.org.name, page);
      if (page.status === "not-found") return fail(`Sentry issue ${issueId} is not an issue of ${ctx.org.name}.`);
      const report = agentReport(page.report);
      return ok(summary(report), { report, stale: page.stale });
    },
  );
}
