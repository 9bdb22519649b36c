import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";
import { listUserFeedback } from "@/lib/features/performance";
import { isUnreadable, ok, unreadableAnswer } from "./gate";
import { registerReadTool } from "./read-tool";

export const listUserFeedbackInput = {
  release: z.string().trim().min(1).max(200).optional().describe("Only feedback sent from this release."),
  sentryIssueId: z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a Sentry issue id (the numeric id from list_sentry_issues)")
    .optional()
    .describe("Only feedback sent with this Sentry issue's events."),
  query: z.string().trim().min(1).max(200).optional().describe("Text in the feedback message."),
  limit: z.number().int().min(1).max(100).default(25).describe("At most this many submissions, newest first."),
};

/** list_user_feedback: what users wrote through Sentry's feedback widget or crash report, newest first. */
export function registerListUserFeedback(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "list_user_feedback",
    {
      title: "List user feedback",
      description:
        "Lists user feedback from Sentry, newest first: the message, who sent it (name and e-mail when given), when, the Sentry project, the linked error event and the release, and a link to it in Sentry. Filter by release, by Sentry issue (feedback sent with its events) or by text.",
      inputSchema: listUserFeedbackInput,
      openWorldHint: true,
    },
    async ({ release, sentryIssueId, query, limit }) => {
      const list = await listUserFeedback({
        orgId: ctx.org.id,
        release,
        sentryIssueId,
        query,
        requestId: ctx.requestId,
      });
      if (isUnreadable(list)) return unreadableAnswer("Sentry", ctx.org.name, list);
      const feedback = list.items.slice(0, limit);
      const scope = [
        release && `release ${release}`,
        sentryIssueId && `Sentry issue ${sentryIssueId}`,
        query && `"${query}"`,
      ]
        .filter(Boolean)
        .join(", ");
      const count = `${list.items.length}${list.isComplete ? "" : "+"}`;
      const text =
        list.items.length === 0
          ? `No user feedback${scope ? ` for ${scope}` : ""}.`
          : `${count} feedback submission(s)${scope ? ` for ${scope}` : ""}${feedback.length < list.items.length ? `; showing the ${feedback.length} newest` : ""}.`;
      return ok(text, {
        feedback,
        matching: list.items.length,
        isComplete: list.isComplete,
        fetchedAt: list.fetchedAt,
        stale: list.stale,
        error: list.error,
      });
    },
  );
}
