import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";
import { loadReleasesPage } from "@/lib/features/releases";
import { isUnreadable, ok, unreadableAnswer } from "./gate";
import { registerReadTool } from "./read-tool";

export const crashFreeByReleaseInput = {
  limit: z.number().int().min(1).max(100).default(20).describe("At most this many releases, newest first."),
};

/** crash_free_by_release: the releases page — crash-free sessions and users, adoption and regressions, newest first. */
export function registerCrashFreeByRelease(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "crash_free_by_release",
    {
      title: "Crash-free rate by release",
      description:
        "Release health from Sentry, newest release first: crash-free sessions and users (percent), adoption (share of sessions over the last 30 days), sessions, users, new issues, and whether it regressed against the release before it.",
      inputSchema: crashFreeByReleaseInput,
      openWorldHint: true,
    },
    async ({ limit }) => {
      const page = await loadReleasesPage({ orgId: ctx.org.id, requestId: ctx.requestId });
      if (isUnreadable(page)) return unreadableAnswer("Sentry", ctx.org.name, page);

      const releases = page.releases.slice(0, limit).map((r) => ({
        version: r.version,
        dateReleased: r.dateReleased,
        crashFreeSessions: r.crashFreeSessions,
        crashFreeUsers: r.crashFreeUsers,
        adoptionPercent: r.adoptionPercent,
        sessions: r.totalSessions,
        users: r.totalUsers,
        newIssues: r.newIssues,
        regression: r.regression,
      }));
      const regressed = releases.filter((r) => r.regression.isRegression).map((r) => r.version);
      const latest = releases[0];
      const text = !latest
        ? "Sentry has no releases."
        : `${releases.length} release(s); latest ${latest.version}: ${latest.crashFreeSessions === null ? "no session data" : `${latest.crashFreeSessions}% crash-free sessions`}. ${regressed.length ? `Regressions: ${regressed.join(", ")}.` : "No regressions."}`;
      return ok(text, {
        releases,
        total: page.releases.length,
        fetchedAt: page.fetchedAt,
        stale: page.stale,
        error: page.error,
      });
    },
  );
}
