import "server-only";
import { findOwnershipRuleSet, saveOwnershipRuleSet } from "@/lib/db/queries/ownership-rules";
import { createMissingTeams, listOwnerCandidates } from "@/lib/db/queries/teams";
import { parseOwnershipRules } from "@/lib/domain/ownership";
import { getSentryConfig } from "@/lib/integrations/connections";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { integrationErrorText } from "@/lib/integrations/upstream-message";
import { readProjectOwnership } from "@/lib/integrations/sentry/ownership";
import { auditOwnershipChange, type ChangeAuthor } from "./audit";

export type ImportResult =
  | {
      ok: true;
      data: {
        ruleCount: number;
        /** Teams the rules name that Bosun did not have: created empty. */
        createdTeams: string[];
        /** E-mails the rules name that are not active members here. */
        unknownEmails: string[];
        /** Lines Bosun cannot read (kept in the text; the page shows them). */
        unreadableLines: number;
        message: string;
      };
    }
  | { ok: false; error: string };

const IMPORT_ACTOR: ChangeAuthor = { actor: { type: "system", id: null, label: "Sentry ownership import" } };

const list = (items: string[]) => items.join(", ");

/**
 * Copies a Sentry project's ownership rules into Bosun, replacing the
 * project's rules here. Sentry's `#team`s become Bosun teams of the same slug
 * (created empty when missing, and the answer says so); e-mails name members
 * by their e-mail, and those that match nobody are listed.
 */
export async function importOwnershipFromSentry(
  { orgId, projectSlug, requestId }: { orgId: string; projectSlug: string; requestId?: string },
  author: ChangeAuthor = IMPORT_ACTOR,
): Promise<ImportResult> {
  const config = await getSentryConfig({ orgId, requestId });
  if (!config) return { ok: false, error: "Sentry is not connected; connect it under Integrations first." };
  let ownership;
  try {
    ownership = await readProjectOwnership(config, projectSlug);
  } catch (error) {
    if (error instanceof IntegrationError)
      return { ok: false, error: `Sentry could not be read: ${integrationErrorText(error)}` };
    throw error;
  }
  if (!ownership) return { ok: false, error: `Sentry has no project "${projectSlug}" in this organization.` };
  if (ownership.raw.trim() === "")
    return { ok: false, error: `Sentry project ${projectSlug} has no ownership rules to import.` };

  const { rules, errors } = parseOwnershipRules(ownership.raw);
  const teamSlugs = [...new Set(rules.flatMap((r) => r.owners.flatMap((o) => (o.type === "team" ? [o.slug] : []))))];
  const emails = [...new Set(rules.flatMap((r) => r.owners.flatMap((o) => (o.type === "user" ? [o.email] : []))))];
  const createdTeams = await createMissingTeams({ orgId, slugs: teamSlugs });
  const members = new Set((await listOwnerCandidates({ orgId })).map((m) => m.email.toLowerCase()));
  const unknownEmails = emails.filter((e) => !members.has(e));

  const before = await findOwnershipRuleSet({ orgId, sentryProjectSlug: projectSlug });
  await saveOwnershipRuleSet({
    orgId,
    sentryProjectSlug: projectSlug,
    raw: ownership.raw,
    updatedById: author.actor.type === "user" ? (author.actor.id ?? null) : null,
    importedAt: new Date(),
  });

  const parts = [`Imported ${rules.length} rule${rules.length === 1 ? "" : "s"} for ${projectSlug} from Sentry.`];
  if (createdTeams.length > 0)
    parts.push(
      `Created empty team${createdTeams.length === 1 ? "" : "s"} ${list(createdTeams.map((s) => `#${s}`))}: add their members.`,
    );
  if (unknownEmails.length > 0) parts.push(`Not members here, so owners of nothing: ${list(unknownEmails)}.`);
  if (errors.length > 0)
    parts.push(`${errors.length} line${errors.length === 1 ? "" : "s"} Bosun cannot read (see below).`);
  const message = parts.join(" ");

  await auditOwnershipChange(orgId, author, {
    action: "ownership.rules_imported",
    target: { type: "sentry_project", id: projectSlug },
    summary: message,
    changes: { raw: { from: before?.raw ?? "", to: ownership.raw }, createdTeams, unknownEmails },
  });
  return {
    ok: true,
    data: { ruleCount: rules.length, createdTeams, unknownEmails, unreadableLines: errors.length, message },
  };
}
