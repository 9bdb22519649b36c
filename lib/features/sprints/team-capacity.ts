import "server-only";
import { isWalkableRange, personCapacity, type DateRange } from "@/lib/domain/capacity";
import { listAvailability, listTeam } from "@/lib/db/queries/availability";

const day = (value: string | Date) => (typeof value === "string" ? value : value.toISOString()).slice(0, 10);

export type TeamMember = {
  accountId: string;
  name: string;
  allocationPercent: number;
  timeOff: DateRange[];
  onCall: DateRange[];
};

/** The org's active members who have a Jira account, with their availability over a period. */
export async function loadTeam({
  orgId,
  from,
  to,
}: {
  orgId: string;
  from: string;
  to: string;
}): Promise<TeamMember[]> {
  const [team, availability] = await Promise.all([
    listTeam({ orgId }),
    listAvailability({ orgId, from: day(from), to: day(to) }),
  ]);
  return team
    .filter((m) => m.jiraAccountId)
    .map((m) => {
      const own = availability
        .filter((a) => a.membership.id === m.id)
        .map((a) => ({ kind: a.kind, range: { startsOn: day(a.startsOn), endsOn: day(a.endsOn) } }));
      return {
        accountId: m.jiraAccountId as string,
        name: m.user.name,
        allocationPercent: m.allocationPercent,
        timeOff: own.filter((a) => a.kind === "time_off").map((a) => a.range),
        onCall: own.filter((a) => a.kind === "on_call").map((a) => a.range),
      };
    });
}

/** Capacity in points for each person over a sprint, at the team's focus factor. */
export function capacities(team: TeamMember[], sprint: { startDate: string; endDate: string }, pointsPerDay: number) {
  return team.map((member) => ({
    ...member,
    ...personCapacity({
      sprint: { startDate: day(sprint.startDate), endDate: day(sprint.endDate) },
      timeOff: member.timeOff,
      onCall: member.onCall,
      allocationPercent: member.allocationPercent,
      pointsPerDay,
    }),
  }));
}

/** The whole team's capacity in points over a sprint: what a sprint is planned with. */
export function teamCapacityPoints(
  team: TeamMember[],
  sprint: { startDate: string; endDate: string },
  pointsPerDay: number,
): number {
  if (!isWalkableRange(day(sprint.startDate), day(sprint.endDate))) return 0;
  const total = capacities(team, sprint, pointsPerDay).reduce((sum, person) => sum + person.capacityPoints, 0);
  return Math.round(total * 10) / 10;
}

/**
 * Person-days the team had available in a past sprint, for the focus factor.
 * Zero for a sprint too long to count (one made in Jira can be any length),
 * which leaves it out of the focus factor rather than failing the page.
 */
export function availablePersonDays(team: TeamMember[], sprint: { startDate: string; endDate: string }) {
  if (!isWalkableRange(day(sprint.startDate), day(sprint.endDate))) return 0;
  return capacities(team, sprint, 1).reduce(
    (total, person) => total + person.availableDays * (person.allocationPercent / 100),
    0,
  );
}
