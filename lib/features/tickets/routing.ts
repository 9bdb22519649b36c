import "server-only";
import { z } from "zod";
import { listTeam } from "@/lib/db/queries/availability";
import { getOrgSettings, setOrgSetting } from "@/lib/db/queries/organizations";
import { listCloseSnapshots, type SnapshotIssues } from "@/lib/db/queries/sprint-snapshots";
import { componentOwner } from "@/lib/domain/tickets/component-owner";

/**
 * Ticket routing: which Jira component a Sentry project's errors belong to
 * (an org setting), and who owns that component in practice — the member who
 * completed the most work in it in recent sprints — as the suggested assignee.
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

export type AssigneeSuggestion = { accountId: string; name: string; component: string; completed: number } | null;

export async function suggestAssignee({
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
        component,
        completed: owner.completed,
      }
    : null;
}
