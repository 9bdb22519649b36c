import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { AgentContext } from "@/lib/features/agents/context";
import { registerApplySprintPlan } from "./apply-sprint-plan";
import { registerAutomationRulesResource } from "./automation-rules";
import { registerCrashFreeByRelease } from "./crash-free-by-release";
import { registerCreateTickets } from "./create-tickets";
import { registerDoraMetrics } from "./dora-metrics";
import { registerForecast } from "./forecast";
import { registerFindSentryIssuesForJiraKey } from "./jira-key-lookup";
import { registerListBoards } from "./list-boards";
import { registerListSentryIssues } from "./list-sentry-issues";
import { registerListUserFeedback } from "./list-user-feedback";
import { registerInvestigateSentryIssue } from "./investigate-sentry-issue";
import { registerPerformanceByRelease } from "./performance-by-release";
import { registerPlanSprint } from "./plan-sprint";
import { registerGenerateReleaseNotes } from "./release-notes";
import { registerSentryIssueToJira } from "./sentry-issue-to-jira";
import { registerSprintCapacity } from "./sprint-capacity";
import { registerSprintReport } from "./sprint-report";
import { registerTriagePrompt } from "./triage-prompt";
import { registerTriageSentryIssue } from "./triage-sentry-issue";

export { TOOL_NAMES, TOOL_SPECS, WRITE_TOOLS, type ToolName } from "./specs";
export { AUTOMATION_RULES_URI } from "./automation-rules";

/**
 * Bosun's MCP tools, resource and prompt for one caller. Each tool calls the
 * same server functions as the page or action behind it, scoped to ctx.org,
 * checks the same permission (writes also need a read-write key), and writes
 * only through the outbox as ctx.actor — so agent actions are audited like
 * anyone's. Every tool is listed for every caller; a call the caller may not
 * make answers with an error saying why.
 */
export function registerBosunTools(server: McpServer, ctx: AgentContext): void {
  // Sprints
  registerListBoards(server, ctx);
  registerSprintCapacity(server, ctx);
  registerPlanSprint(server, ctx);
  registerApplySprintPlan(server, ctx);
  // Tickets
  registerCreateTickets(server, ctx);
  // Errors
  registerListSentryIssues(server, ctx);
  registerTriageSentryIssue(server, ctx);
  registerSentryIssueToJira(server, ctx);
  registerFindSentryIssuesForJiraKey(server, ctx);
  registerInvestigateSentryIssue(server, ctx);
  // Releases
  registerCrashFreeByRelease(server, ctx);
  registerGenerateReleaseNotes(server, ctx);
  registerPerformanceByRelease(server, ctx);
  registerListUserFeedback(server, ctx);
  // Insights
  registerDoraMetrics(server, ctx);
  registerForecast(server, ctx);
  registerSprintReport(server, ctx);

  registerAutomationRulesResource(server, ctx);
  registerTriagePrompt(server, ctx);
}
