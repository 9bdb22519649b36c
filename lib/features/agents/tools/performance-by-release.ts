import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";
import { loadReleaseScorecards } from "@/lib/features/performance";
import { fail, ok } from "./gate";
import { registerReadTool } from "./read-tool";

export const performanceByReleaseInput = {
  version: z.string().trim().min(1).max(200).optional().describe("Only this release (its exact Sentry version)."),
  onlyRegressions: z
    .boolean()
    .default(false)
    .describe("Only releases flagged as a crash-free or performance regression."),
  limit: z.number().int().min(1).max(100).default(10).describe("At most this many releases, newest first."),
};

/**
 * performance_by_release: the release scorecards of the releases page — each metric against the previous release,
 * and the crash-free and performance regressions with their reasons — newest first.
 */
export function registerPerformanceByRelease(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "performance_by_release",
    {
      title: "Performance scorecard by release",
      description:
        "Each release's scorecard from Sentry, newest first, compared with the release before it: crash-free sessions and users, error events per session, p75 LCP and INP (ms), p95 API latency (ms), failure rate, new issues and user feedback count, each with its change and whether it got better or worse; plus the crash-free and performance regressions with the reason in words (the org's thresholds, with enough samples on both sides).",
      inputSchema: performanceByReleaseInput,
      openWorldHint: true,
    },
    async ({ version, onlyRegressions, limit }) => {
      const read = await loadReleaseScorecards({ orgId: ctx.org.id, requestId: ctx.requestId });
      if (read.scorecards.length === 0 && read.error)
        return fail(`Sentry could not be read for ${ctx.org.name}: ${read.error}`);
      const matching = read.scorecards.filter(
        (s) => (!version || s.version === version) && (!onlyRegressions || s.isRegression),
      );
      if (version && matching.length === 0 && !read.scorecards.some((s) => s.version === version))
        return fail(`Sentry has no release named "${version}" (crash_free_by_release lists them).`, {
          field: "version",
        });
      const releases = matching.slice(0, limit);
      const regressed = releases.filter((s) => s.isRegression);
      const text =
        releases.length === 0
          ? onlyRegressions
            ? "No release is flagged as a regression."
            : "Sentry has no releases."
          : `${releases.length} release scorecard(s). ${
              regressed.length
                ? `Regressions: ${regressed.map((s) => `${s.version} (${s.reasons.join("; ")})`).join("; ")}.`
                : "No regressions."
            }`;
      return ok(text, {
        releases,
        matching: matching.length,
        fetchedAt: read.fetchedAt,
        stale: read.stale,
        error: read.error,
      });
    },
  );
}
