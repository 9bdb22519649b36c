import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { generateReleaseNotes, releaseNotesOptionsSchema } from "@/lib/domain/release-notes";
import type { AgentContext } from "@/lib/features/agents/context";
import { loadReleaseNotesSource } from "@/lib/features/release-notes";
import { fail, ok } from "./gate";
import { registerReadTool } from "./read-tool";

export const generateReleaseNotesInput = {
  version: z
    .string()
    .trim()
    .min(1, "is required")
    .max(200)
    .describe("Release name: the Jira fixVersion and Sentry release, such as 2.15.0."),
  variant: releaseNotesOptionsSchema.shape.variant.describe(
    "internal (with Jira keys and unfinished work) or customer.",
  ),
  groupBy: releaseNotesOptionsSchema.shape.groupBy.describe("Group the changes by component or by epic."),
};

/**
 * generate_release_notes: the release-notes editor's fresh draft — from the
 * Jira fixVersion's issues and the Sentry release's health and new issues —
 * as Markdown. Nothing is saved or published.
 */
export function registerGenerateReleaseNotes(server: McpServer, ctx: AgentContext) {
  registerReadTool(
    server,
    ctx,
    "generate_release_notes",
    {
      title: "Draft release notes",
      description:
        "Drafts release notes in Markdown for a release, from the Jira issues whose fixVersion has that name and the Sentry release's health and known issues. Internal or customer variant. Returns the Markdown and counts of features, improvements and fixes; does not save or publish anything.",
      inputSchema: generateReleaseNotesInput,
      openWorldHint: true,
    },
    async ({ version, variant, groupBy }) => {
      const source = await loadReleaseNotesSource({ orgId: ctx.org.id, version, requestId: ctx.requestId });
      const { input, versions, jiraError } = source;
      if (versions.length === 0 && input.issues.length === 0 && !input.health && input.knownIssues.length === 0) {
        return fail(
          `Neither Jira nor Sentry has a release named "${version}"${jiraError ? ` (Jira answered: ${jiraError})` : ""}. crash_free_by_release lists Sentry's releases.`,
        );
      }
      const notes = generateReleaseNotes(input, { variant, groupBy });
      const { features, improvements, fixes } = notes.counts;
      const text = `Drafted ${variant} release notes for ${version}: ${features} feature(s), ${improvements} improvement(s), ${fixes} fix(es)${jiraError ? `; Jira could not be read (${jiraError}), so no issues are listed` : ""}. Not saved.`;
      return ok(text, {
        version,
        variant,
        groupBy,
        title: notes.title,
        markdown: notes.markdown,
        counts: notes.counts,
        released: input.released,
        releaseDate: input.releaseDate,
        jiraIssues: input.issues.length,
        knownIssues: input.knownIssues.length,
        jiraVersions: versions.map((v) => ({
          projectKey: v.projectKey,
          released: v.released,
          releaseDate: v.releaseDate,
        })),
        jiraError,
      });
    },
  );
}
