import { describe, expect, it } from "vitest";
import { usersPerDay } from "./series";

describe("usersPerDay", () => {
  const now = new Date("2026-11-20T12:00:00Z");

  it("counts each user once per UTC day, over the last days including today", () => {
    const points = usersPerDay(
      [
        { at: "2026-11-20T01:00:00Z", user: "a" },
        { at: "2026-11-20T02:00:00Z", user: "a" },
        { at: "2026-11-20T03:00:00Z", user: "b" },
        { at: "2026-11-19T23:59:59Z", user: "a" },
      ],
      now,
      3,
    );
    expect(points).toEqual([
      { at: "2026-11-18T00:00:00.000Z", count: 0 },
      { at: "2026-11-19T00:00:00.000Z", count: 1 },
      { at: "2026-11-20T00:00:00.000Z", count: 2 },
    ]);
  });

  it("ignores events without a user, with a bad date, or outside the window", () => {
    const points = usersPerDay(
      [
        { at: "2026-11-20T01:00:00Z", user: null },
        { at: "not a date", user: "a" },
        { at: "2026-10-01T00:00:00Z", user: "a" },
        { at: "2026-11-21T00:00:00Z", user: "a" },
      ],
      now,
      30,
    );
    expect(points).toHaveLength(30);
    expect(points.every((p) => p.count === 0)).toBe(true);
  });
});
