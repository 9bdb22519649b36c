import "server-only";
import { listIntegrationStatuses } from "@/lib/db/queries/integrations";
import { countMembersByRole } from "@/lib/db/queries/memberships";

export type OverviewOrgSummary = {
  integrations: Awaited<ReturnType<typeof listIntegrationStatuses>>;
  people: { admin: number; manager: number; member: number; total: number };
};

/** The Overview's side cards: how each integration is connected, and how many active people hold each role. */
export async function loadOverviewOrgSummary({ orgId }: { orgId: string }): Promise<OverviewOrgSummary> {
  const [integrations, byRole] = await Promise.all([listIntegrationStatuses({ orgId }), countMembersByRole({ orgId })]);
  const people = { admin: byRole.admin ?? 0, manager: byRole.manager ?? 0, member: byRole.member ?? 0 };
  return { integrations, people: { ...people, total: people.admin + people.manager + people.member } };
}
