import "server-only";
import { listAvailability, listTeam } from "@/lib/db/queries/availability";
import { can, type Role } from "@/lib/domain/permissions";

export type AvailabilityEntry = Awaited<ReturnType<typeof listAvailability>>[number];
export type AvailabilityPerson = Awaited<ReturnType<typeof listTeam>>[number] & { entries: AvailabilityEntry[] };

/**
 * The availability page from `today` on: managers see and edit the whole team,
 * everyone else only themselves.
 */
export async function loadAvailabilityPage({
  orgId,
  userId,
  role,
  today,
}: {
  orgId: string;
  userId: string;
  role: Role;
  today: string;
}): Promise<{ editsTeam: boolean; people: AvailabilityPerson[] }> {
  const editsTeam = can(role, "availability:edit-team");
  const [team, entries] = await Promise.all([
    listTeam({ orgId }),
    listAvailability({ orgId, from: today, userId: editsTeam ? undefined : userId }),
  ]);
  const visibleTeam = editsTeam ? team : team.filter((m) => m.user.id === userId);
  return {
    editsTeam,
    people: visibleTeam.map((member) => ({
      ...member,
      entries: entries.filter((e) => e.membership.userId === member.user.id),
    })),
  };
}
