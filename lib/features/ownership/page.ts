import "server-only";
import { listOwnershipRuleSets } from "@/lib/db/queries/ownership-rules";
import { listOwnerCandidates, listTeams, type TeamRow } from "@/lib/db/queries/teams";
import type { RuleError } from "@/lib/domain/ownership";
import { getSentryConfig } from "@/lib/integrations/connections";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { listProjectSlugs } from "@/lib/integrations/sentry";
import { loadOwnerDirectory } from "./owner-directory";
import { checkRules, type RuleWarning } from "./rules";

export type ProjectRules = {
  projectSlug: string;
  raw: string;
  importedAt: Date | null;
  updatedAt: Date | null;
  errors: RuleError[];
  warnings: RuleWarning[];
};

export type OwnershipPage = {
  teams: TeamRow[];
  members: { userId: string; name: string; email: string }[];
  projects: ProjectRules[];
  sentryConnected: boolean;
  /** Why the project list may be incomplete (Sentry unreachable), or null. */
  sentryNotice: string | null;
};

/**
 * Everything the ownership settings page shows: teams with members, and per
 * Sentry project its rules with per-line problems. Projects are Sentry's list
 * plus any project Bosun holds rules for, so rules stay editable while Sentry
 * is unreachable.
 */
export async function loadOwnershipPage({
  orgId,
  requestId,
}: {
  orgId: string;
  requestId?: string;
}): Promise<OwnershipPage> {
  const [teams, members, ruleSets, config] = await Promise.all([
    listTeams({ orgId }),
    listOwnerCandidates({ orgId }),
    listOwnershipRuleSets({ orgId }),
    getSentryConfig({ orgId, requestId }),
  ]);
  let sentrySlugs: string[] = [];
  let sentryNotice: string | null = null;
  if (config) {
    try {
      sentrySlugs = await listProjectSlugs(config);
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error;
      sentryNotice = `Sentry's project list could not be read (${error.message}); only projects with rules saved in Bosun are shown.`;
    }
  }
  const bySlug = new Map(ruleSets.map((r) => [r.sentryProjectSlug, r]));
  const slugs = [...new Set([...sentrySlugs, ...bySlug.keys()])].sort();
  const directory = await loadOwnerDirectory({ orgId });
  const projects = await Promise.all(
    slugs.map(async (projectSlug): Promise<ProjectRules> => {
      const saved = bySlug.get(projectSlug);
      const raw = saved?.raw ?? "";
      const { errors, warnings } = await checkRules({ orgId, raw, directory });
      return {
        projectSlug,
        raw,
        importedAt: saved?.importedAt ?? null,
        updatedAt: saved?.updatedAt ?? null,
        errors,
        warnings,
      };
    }),
  );
  return {
    teams,
    members: members.map(({ userId, name, email }) => ({ userId, name, email })),
    projects,
    sentryConnected: config !== null,
    sentryNotice,
  };
}
