import { describe, expect, it } from "vitest";
import { availablePersonDays, capacities, teamCapacityPoints, type TeamMember } from "./team-capacity";

const ada: TeamMember = { accountId: "acc-ada", name: "Ada", allocationPercent: 50, timeOff: [], onCall: [] };

describe("team capacity over sprints made in Jira", () => {
  it("counts the person-days of a past sprint, at each person's allocation", () => {
    expect(
      availablePersonDays([ada], { startDate: "2026-03-02T09:00:00.000Z", endDate: "2026-03-16T17:00:00.000Z" }),
    ).toBe(5);
  });

  it("finding 10 (sprint dates): leaves a past sprint from 1000-01-01 to 9999-12-28 out of the focus factor instead of walking it", () => {
    expect(
      availablePersonDays([ada], { startDate: "1000-01-01T00:00:00.000Z", endDate: "9999-12-28T00:00:00.000Z" }),
    ).toBe(0);
  });

  it("finding 10 (sprint dates): refuses capacity over such a sprint with an error that names the range", () => {
    expect(() => capacities([ada], { startDate: "1000-01-01", endDate: "9999-12-28" }, 1)).toThrow(
      "The range 1000-01-01 to 9999-12-28 is longer than 366 days",
    );
  });

  it("sums the team's capacity in points over a sprint, and gives 0 for one too long to count", () => {
    const grace: TeamMember = {
      accountId: "acc-grace",
      name: "Grace",
      allocationPercent: 100,
      timeOff: [],
      onCall: [],
    };
    const sprint = { startDate: "2026-03-02T09:00:00.000Z", endDate: "2026-03-16T17:00:00.000Z" };
    // Ten working days: Ada at half time and Grace at full, two points a day.
    expect(teamCapacityPoints([ada, grace], sprint, 2)).toBe(30);
    expect(teamCapacityPoints([ada], { startDate: "1000-01-01", endDate: "9999-12-28" }, 1)).toBe(0);
  });
});
