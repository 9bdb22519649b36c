import "server-only";
import { findOwnershipRuleSet, listOwnershipRuleSets, saveOwnershipRuleSet } from "@/lib/db/queries/ownership-rules";
import {
  describeUnresolved,
  expandOwners,
  parseOwnershipRules,
  type OwnerDirectory,
  type RuleError,
} from "@/lib/domain/ownership";
import { auditOwnershipChange, type ChangeAuthor } from "./audit";
import { loadOwnerDirectory, type OwnerCandidate } from "./owner-directory";

export { listOwnershipRuleSets };

/** Rules that parse but name someone Bosun does not know: saved, but the page says who. */
export type RuleWarning = { line: number; message: string };

/** Per-line problems of rules text: errors stop a save, warnings do not. */
export async function checkRules({
  orgId,
  raw,
  directory: loaded,
}: {
  orgId: string;
  raw: string;
  /** The org's owner directory when the caller already has it (checking several projects' rules). */
  directory?: OwnerDirectory<OwnerCandidate>;
}): Promise<{ ruleCount: number; errors: RuleError[]; warnings: RuleWarning[] }> {
  const { rules, errors } = parseOwnershipRules(raw);
  const directory = loaded ?? (await loadOwnerDirectory({ orgId }));
  const warnings = rules.flatMap((rule) => {
    const message = describeUnresolved(expandOwners(rule.owners, directory).unresolved);
    return message ? [{ line: rule.line, message }] : [];
  });
  return { ruleCount: rules.length, errors, warnings };
}

export type SaveRulesResult =
  | { ok: true; data: { ruleCount: number; warnings: RuleWarning[]; changed: boolean } }
  | { ok: false; error: string; lineErrors: RuleError[] };

/** Saves a project's rules when every line parses; audited with the text before and after. */
export async function saveProjectRules(
  { orgId, projectSlug, raw }: { orgId: string; projectSlug: string; raw: string },
  author: ChangeAuthor,
): Promise<SaveRulesResult> {
  const checked = await checkRules({ orgId, raw });
  if (checked.errors.length > 0) {
    const count = checked.errors.length;
    return {
      ok: false,
      error: `${count} line${count === 1 ? "" : "s"} cannot be read; nothing was saved.`,
      lineErrors: checked.errors,
    };
  }
  const before = await findOwnershipRuleSet({ orgId, sentryProjectSlug: projectSlug });
  const changed = (before?.raw ?? "") !== raw;
  if (changed) {
    await saveOwnershipRuleSet({
      orgId,
      sentryProjectSlug: projectSlug,
      raw,
      updatedById: author.actor.type === "user" ? (author.actor.id ?? null) : null,
    });
    await auditOwnershipChange(orgId, author, {
      action: "ownership.rules_saved",
      target: { type: "sentry_project", id: projectSlug },
      summary: `Saved ${checked.ruleCount} ownership rule${checked.ruleCount === 1 ? "" : "s"} for Sentry project ${projectSlug}`,
      changes: { raw: { from: before?.raw ?? "", to: raw } },
    });
  }
  return { ok: true, data: { ruleCount: checked.ruleCount, warnings: checked.warnings, changed } };
}
