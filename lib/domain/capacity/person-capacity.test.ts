import { describe, expect, it } from "vitest";
import { DateRangeTooLongError } from "./date-limits";
import { personCapacity, type PersonCapacityInput } from "./person-capacity";

const sprint = { startDate: "2026-03-02", endDate: "2026-03-16" }; // 10 working days
const base: PersonCapacityInput = { sprint, timeOff: [], onCall: [], allocationPercent: 100, pointsPerDay: 1 };

describe("personCapacity", () => {
  it("gives a full-time person every working day", () => {
    expect(personCapacity(base)).toEqual({
      workingDays: 10,
      daysOff: 0,
      onCallDays: 0,
      availableDays: 10,
      capacityPoints: 10,
    });
  });

  it("counts only the time off inside the sprint and on weekdays", () => {
    // Thu 26 Feb – Tue 3 Mar: only Mon 2 and Tue 3 are sprint days. Fri 13 – Mon 16: Mon 16 is the end date.
    const result = personCapacity({
      ...base,
      timeOff: [
        { startsOn: "2026-02-26", endsOn: "2026-03-03" },
        { startsOn: "2026-03-13", endsOn: "2026-03-16" },
      ],
    });
    expect(result).toMatchObject({ daysOff: 3, availableDays: 7 });
  });

  it("counts overlapping time off once", () => {
    const result = personCapacity({
      ...base,
      timeOff: [
        { startsOn: "2026-03-04", endsOn: "2026-03-06" },
        { startsOn: "2026-03-05", endsOn: "2026-03-09" },
      ],
    });
    expect(result.daysOff).toBe(4); // Wed 4 – Mon 9, weekend excluded
  });

  it("ignores a weekend-only absence and an inverted range", () => {
    const result = personCapacity({
      ...base,
      timeOff: [
        { startsOn: "2026-03-07", endsOn: "2026-03-08" },
        { startsOn: "2026-03-10", endsOn: "2026-03-09" },
      ],
    });
    expect(result.daysOff).toBe(0);
  });

  it("counts an on-call day as half a day of sprint work, and not at all when off", () => {
    const result = personCapacity({
      ...base,
      onCall: [{ startsOn: "2026-03-09", endsOn: "2026-03-15" }], // Mon 9 – Sun 15: five weekdays
      timeOff: [{ startsOn: "2026-03-13", endsOn: "2026-03-13" }],
    });
    expect(result).toEqual({ workingDays: 10, daysOff: 1, onCallDays: 4, availableDays: 7, capacityPoints: 7 });
  });

  it("scales by allocation and focus factor, to one decimal", () => {
    expect(personCapacity({ ...base, allocationPercent: 50, pointsPerDay: 0.8 }).capacityPoints).toBe(4);
    expect(
      personCapacity({
        ...base,
        onCall: [{ startsOn: "2026-03-02", endsOn: "2026-03-02" }],
        allocationPercent: 33,
        pointsPerDay: 0.7,
      }).capacityPoints,
    ).toBe(2.2); // 9.5 × 0.33 × 0.7 = 2.19
  });

  it("clamps allocation to 0–100%", () => {
    expect(personCapacity({ ...base, allocationPercent: 150 }).capacityPoints).toBe(10);
    expect(personCapacity({ ...base, allocationPercent: -20 }).capacityPoints).toBe(0);
  });

  it("finding 10 (sprint dates): refuses a sprint from 1000-01-01 to 9999-12-28 by name instead of walking its days", () => {
    expect(() => personCapacity({ ...base, sprint: { startDate: "1000-01-01", endDate: "9999-12-28" } })).toThrow(
      DateRangeTooLongError,
    );
    expect(() => personCapacity({ ...base, sprint: { startDate: "1000-01-01", endDate: "9999-12-28" } })).toThrow(
      "The range 1000-01-01 to 9999-12-28 is longer than 366 days",
    );
  });

  it("finding 10 (sprint dates): still counts a sprint made in Jira that runs past 8 weeks, up to a year", () => {
    expect(personCapacity({ ...base, sprint: { startDate: "2026-01-05", endDate: "2027-01-04" } }).workingDays).toBe(
      260,
    );
  });

  it("finding 10 (sprint dates): takes time off of any length without walking it", () => {
    expect(personCapacity({ ...base, timeOff: [{ startsOn: "1000-01-01", endsOn: "9999-12-28" }] })).toMatchObject({
      daysOff: 10,
      availableDays: 0,
    });
  });
});
