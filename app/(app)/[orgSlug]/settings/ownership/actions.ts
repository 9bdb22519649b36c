"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionResult, type UserActor } from "@/lib/platform/actions/org-action";
import {
  addOrgTeamMember,
  createOrgTeam,
  deleteOrgTeam,
  importOwnershipFromSentry,
  linkTeamDirectoryGroup,
  removeOrgTeamMember,
  renameOrgTeam,
  saveProjectRules,
  testRule,
  type TeamResult,
  createTeamSchema,
  directoryGroupIdSchema,
  issueRefSchema,
  rulesTextSchema,
  sentryProjectSlugSchema,
  teamNameSchema,
} from "@/lib/features/ownership";

/*
 * Ownership settings: admins and managers edit teams and rules; anyone in the
 * org may try rules against an issue. Each change is audited by the feature.
 */

type Message = { message: string };
const id = z.string().min(1, "is required").max(64, "is too long");
const path = (orgSlug: string) => `/${orgSlug}/settings/ownership`;
const author = ({ actor, requestId }: { actor: UserActor; requestId: string }) => ({ actor, requestId });

function done(result: TeamResult<unknown>, orgSlug: string, message: string): ActionResult<Message> {
  if (!result.ok) return result;
  revalidatePath(path(orgSlug));
  return { ok: true, data: { message } };
}

export const saveOwnershipRulesAction = orgAction(
  z.object({ projectSlug: sentryProjectSlugSchema, raw: rulesTextSchema }),
  "ownership:edit",
  async (ctx): Promise<ActionResult<Message & { warnings: { line: number; message: string }[] }>> => {
    const { input, org } = ctx;
    const result = await saveProjectRules(
      { orgId: org.id, projectSlug: input.projectSlug, raw: input.raw },
      author(ctx),
    );
    if (!result.ok)
      // Each unreadable line as its own field, `raw.<line>`, so the form shows it next to the text.
      return {
        ok: false,
        error: result.error,
        fieldErrors: Object.fromEntries(result.lineErrors.map((e) => [`raw.${e.line}`, e.message])),
      };
    revalidatePath(path(org.slug));
    const { ruleCount, changed, warnings } = result.data;
    return {
      ok: true,
      data: {
        message: changed
          ? `Saved ${ruleCount} rule${ruleCount === 1 ? "" : "s"} for ${input.projectSlug}.`
          : "Nothing changed.",
        warnings,
      },
    };
  },
);

export const importOwnershipAction = orgAction(
  z.object({ projectSlug: sentryProjectSlugSchema }),
  "ownership:edit",
  async (ctx): Promise<ActionResult<Message>> => {
    const { input, org, requestId } = ctx;
    const result = await importOwnershipFromSentry(
      { orgId: org.id, projectSlug: input.projectSlug, requestId },
      author(ctx),
    );
    if (!result.ok) return result;
    revalidatePath(path(org.slug));
    return { ok: true, data: { message: result.data.message } };
  },
);

export const testOwnershipRuleAction = orgAction(
  z.object({ projectSlug: sentryProjectSlugSchema, raw: rulesTextSchema, issue: issueRefSchema }),
  "dashboards:view",
  async ({ input, org, requestId }): Promise<ActionResult<{ sentence: string; facts: string[] }>> => {
    const result = await testRule({
      orgId: org.id,
      projectSlug: input.projectSlug,
      raw: input.raw,
      issueId: input.issue,
      requestId,
    });
    if (!result.ok) return result;
    const { facts } = result.data;
    // What the rules were matched against, in words, so "nobody" can be understood.
    const lines = [
      facts.paths.length > 0 ? `In-app frames: ${facts.paths.slice(-8).join(", ")}` : "No in-app frames",
      ...(facts.modules.length > 0 ? [`Modules: ${facts.modules.slice(-8).join(", ")}`] : []),
      facts.url ? `URL: ${facts.url}` : "No request URL",
      `Tags: ${
        Object.entries(facts.tags)
          .slice(0, 12)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ") || "none"
      }`,
    ];
    return { ok: true, data: { sentence: result.data.sentence, facts: lines } };
  },
);

export const createTeamAction = orgAction(createTeamSchema, "ownership:edit", async (ctx) => {
  const result = await createOrgTeam(
    { orgId: ctx.org.id, workosOrgId: ctx.org.workosOrgId, input: ctx.input },
    author(ctx),
  );
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: { slug: result.error } };
  revalidatePath(path(ctx.org.slug));
  return { ok: true, data: { message: `Team #${result.data.slug} created.` } };
});

export const renameTeamAction = orgAction(
  z.object({ teamId: id, name: teamNameSchema }),
  "ownership:edit",
  async (ctx) =>
    done(
      await renameOrgTeam({ orgId: ctx.org.id, teamId: ctx.input.teamId, name: ctx.input.name }, author(ctx)),
      ctx.org.slug,
      "Team renamed.",
    ),
);

export const linkTeamDirectoryGroupAction = orgAction(
  z.object({ teamId: id, directoryGroupId: directoryGroupIdSchema }),
  "ownership:edit",
  async (ctx) => {
    const { teamId, directoryGroupId } = ctx.input;
    const linked = await linkTeamDirectoryGroup(
      { orgId: ctx.org.id, workosOrgId: ctx.org.workosOrgId, teamId, directoryGroupId },
      author(ctx),
    );
    if (!linked.ok) return { ok: false, error: linked.error, fieldErrors: { directoryGroupId: linked.error } };
    const filled = linked.data;
    return done(
      linked,
      ctx.org.slug,
      !directoryGroupId
        ? "The team no longer follows a group."
        : filled
          ? `The team now follows the directory group: ${filled.added} added, ${filled.removed} removed.`
          : "The team follows the directory group.",
    );
  },
);

export const deleteTeamAction = orgAction(z.object({ teamId: id }), "ownership:edit", async (ctx) =>
  done(
    await deleteOrgTeam({ orgId: ctx.org.id, teamId: ctx.input.teamId }, author(ctx)),
    ctx.org.slug,
    "Team deleted.",
  ),
);

export const addTeamMemberAction = orgAction(z.object({ teamId: id, userId: id }), "ownership:edit", async (ctx) =>
  done(
    await addOrgTeamMember({ orgId: ctx.org.id, teamId: ctx.input.teamId, userId: ctx.input.userId }, author(ctx)),
    ctx.org.slug,
    "Member added.",
  ),
);

export const removeTeamMemberAction = orgAction(
  z.object({ teamId: id, membershipId: id }),
  "ownership:edit",
  async (ctx) =>
    done(
      await removeOrgTeamMember(
        { orgId: ctx.org.id, teamId: ctx.input.teamId, membershipId: ctx.input.membershipId },
        author(ctx),
      ),
      ctx.org.slug,
      "Member removed.",
    ),
);
