import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { AgentContext } from "@/lib/features/agents/context";
import { CHANGE_FAILURE_RATE_NOTE, DORA_THRESHOLDS, DORA_THRESHOLDS_SOURCE } from "@/lib/domain/dora";
import { loadDoraPage, type DoraPage } from "@/lib/features/delivery";
import { ok } from "./gate";
import { registerReadTool } from "./read-tool";

export const doraMetricsInput = {
  days: z
    .union([z.literal(30), z.literal(90), z.literal(180)])
    .default(30)
    .describe("The window: the last 30, 90 or 180 days."),
  environment: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .default("production")
    .describe("The Sentry environment deploys went to."),
  project: z.string().trim().min(1).max(100).optional().describe("Only deploys of releases of this Sentry project."),
};

const round = (value: number | null, digits = 2) => (value === null ? null : Number(value.toFixed(digits)));

/** The structured answer: the four keys, their bands with the thresholds' source, and what was left out. */
export function doraMetricsOutput({ report, history }: DoraPage) {
  const s = report.summary;
  return {
    window: { days: report.window.days, from: report.window.from.toISOString(), to: report.window.to.toISOString() },
    environment: report.environment,
    project: report.project,
    deployments: s.deployments,
    deploymentFrequencyPerWeek: round(s.deploymentFrequencyPerWeek),
    leadTimeHours: {
      p50: round(s.leadTimeHours.p50),
      p85: round(s.leadTimeHours.p85),
      samples: s.leadTimeHours.samples,
    },
    leadTimeStages: {
      openToMergeHoursP50: round(s.stages.openToMergeHours.p50),
      mergeToDeployHoursP50: round(s.stages.mergeToDeployHours.p50),
      withPullRequest: s.stages.openToMergeHours.samples,
    },
    changeFailureRate: round(s.changeFailureRate, 4),
    failedDeployments: s.failedDeployments,
    recoveryHours: { p50: round(s.recoveryHours.p50), samples: s.recoveryHours.samples },
    bands: s.bands,
    thresholds: DORA_THRESHOLDS,
    thresholdsSource: { ...DORA_THRESHOLDS_SOURCE, changeFailureRateNote: CHANGE_FAILURE_RATE_NOTE },
    failureWindowHours: report.failureWindowHours,
    excluded: report.exclusions
      .filter((e) => e.count > 0)
      .map(({ reason, label, count }) => ({ reason, label, count })),
    history: {
      status: history.status,
      updatedAt: history.completedAt?.toISOString() ?? null,
      reachedBack: history.reachedBack?.toISOString() ?? null,
      note: history.note,
    },
  };
}

/**
 * dora_metrics: the Insights → Delivery page's four keys for one environment (and project) over 30, 90 or 180 days,
 * from Bosun's stored delivery history (no upstream read).
 */
export function registerDoraMetrics(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "dora_metrics",
    {
      title: "DORA four keys",
      description:
        "The DORA four keys from Bosun's delivery history (Sentry deploys and release commits, GitHub pull requests, the regressions, critical issues and rollbacks Bosun recorded): deployments and deployment frequency per week, lead time for changes p50/p85 in hours (commit to first deploy), change failure rate (deploys followed within 24 h by a failure), and failed deployment recovery time p50 in hours, each with its band from DORA's 2024 report, and what was left out and why.",
      inputSchema: doraMetricsInput,
      openWorldHint: false,
    },
    async ({ days, environment, project }) => {
      const page = await loadDoraPage({
        orgId: ctx.org.id,
        filters: { days, environment, project: project ?? null },
      });
      const output = doraMetricsOutput(page);
      const s = page.report.summary;
      const filling =
        page.history.status === "filling"
          ? ` History is still being filled from Sentry (${page.history.note ?? "queued"}); figures may grow.`
          : "";
      const text = `${environment}${project ? ` (${project})` : ""}, last ${days} days: ${s.deployments} deploys (${output.deploymentFrequencyPerWeek}/week, ${s.bands.deploymentFrequency}); lead time p50 ${output.leadTimeHours.p50 ?? "n/a"} h; change failure rate ${s.changeFailureRate === null ? "n/a" : `${Math.round(s.changeFailureRate * 100)} %`}; recovery p50 ${output.recoveryHours.p50 ?? "n/a"} h.${filling}`;
      return ok(text, output);
    },
  );
}
