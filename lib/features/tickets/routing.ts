import "server-only";
import { z } from "zod";
import { listTeam } from "@/lib/db/queries/availability";
import { getOrgSettings, setOrgSetting } from "@/lib/db/queries/organizations";
import { listCloseSnapshots, type SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";
import { componentOwner } from "@/lib/domain/tickets/component-owner";
import type { OwnershipFacts } from "@/lib/domain/ownership/facts";
import { detailedOwnersOfIssue } from "@/lib/features/ownership";

/**
 * Ticket routing: who a ticket from a Sentry issue is assigned to. The
 * issue's owners by the project's ownership rules come first; when no rule
 * names a member with a Jira account, the Jira component the project's errors
 * belong to (an org setting) decides, through who owns that component in
 * practice — the member who completed the most work in it in recent sprints.
 */
export const routingSchema = z.record(
  z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be a Sentry project slug"),
  z.string().trim().max(100),
);

export type TicketRouting = z.infer<typeof routingSchema>;

export async function getTicketRouting({ orgId }: { orgId: string }): Promise<TicketRouting> {
  const parsed = routingSchema.safeParse((await getOrgSettings({ orgId })).ticketRouting ?? {});
  return parsed.success ? parsed.data : {};
}

export async function saveTicketRouting({ orgId, routing }: { orgId: string; routing: TicketRouting }) {
  // Blank means "no component" for that project.
  await setOrgSetting({
    orgId,
    key: "ticketRouting",
    value: Object.fromEntries(Object.entries(routing).filter(([, component]) => component)),
  });
}

/**
 * Who a ticket from a Sentry issue goes to, and why. `reason` is the sentence
 * to show; `source` says which rule chose: the issue's owners (ownership rules
 * on its latest event) come first, the component's most experienced member second.
 */
export type AssigneeSuggestion = {
  accountId: string;
  name: string;
  source: "owner" | "experience";
  reason: string;
  /** The ownership rule that won, as written (owner source only). */
  rule: string | null;
  /** The Jira component and completed issues in it (experience source only). */
  component: string | null;
  completed: number | null;
} | null;

export async function suggestAssignee({
  orgId,
  sentryProjectSlug,
  facts,
}: {
  orgId: string;
  sentryProjectSlug: string;
  /** What the issue's latest event shows (lib/domain/ownership/facts.ts); without it only experience decides. */
  facts?: OwnershipFacts;
}): Promise<AssigneeSuggestion> {
  if (facts) {
    const owner = await ownerWithJiraAccount({ orgId, sentryProjectSlug, facts });
    if (owner) return owner;
  }
  return experiencedMember({ orgId, sentryProjectSlug });
}

/** The leftmost owner of the winning rule who has a Jira account; the others cannot be assigned a ticket. */
async function ownerWithJiraAccount({
  orgId,
  sentryProjectSlug,
  facts,
}: {
  orgId: string;
  sentryProjectSlug: string;
  facts: OwnershipFacts;
}): Promise<AssigneeSuggestion> {
  const verdict = await detailedOwnersOfIssue({ orgId, projectSlug: sentryProjectSlug, facts });
  const owner = verdict.owners.find((o) => o.jiraAccountId);
  if (!owner?.jiraAccountId || !verdict.rule) return null;
  return {
    accountId: owner.jiraAccountId,
    name: owner.name,
    source: "owner",
    // The "because" names the rule's pattern, the frame or tag it matched and the line: enough to find the rule.
    reason: `owner by the ownership rules: ${verdict.because}`,
    rule: verdict.rule,
    component: null,
    completed: null,
  };
}

async function experiencedMember({
  orgId,
  sentryProjectSlug,
}: {
  orgId: string;
  sentryProjectSlug: string;
}): Promise<AssigneeSuggestion> {
  const component = (await getTicketRouting({ orgId }))[sentryProjectSlug];
  if (!component) return null;
  const [team, snapshots] = await Promise.all([listTeam({ orgId }), listCloseSnapshots({ orgId })]);
  const work = snapshots.flatMap((s) =>
    (s.issues as SnapshotIssues).items
      .filter((i) => i.statusCategory === "done" && i.assigneeAccountId && i.component)
      .map((i) => ({
        accountId: i.assigneeAccountId as string,
        component: i.component as string,
        completedAt: (s.sprintEnd ?? s.takenAt).toISOString(),
      })),
  );
  const eligible = new Map(team.filter((m) => m.jiraAccountId).map((m) => [m.jiraAccountId as string, m.user.name]));
  const owner = componentOwner(work, component, new Set(eligible.keys()));
  return owner
    ? {
        accountId: owner.accountId,
        name: eligible.get(owner.accountId) ?? owner.accountId,
        source: "experience",
        reason: `${owner.completed} ${component} issues completed recently`,
        rule: null,
        component,
        completed: owner.completed,
      }
    : null;
}
