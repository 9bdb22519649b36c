import { describe, expect, it } from "vitest";
import { formatRelative } from "./relative";

const now = new Date("2026-12-03T14:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe("formatRelative", () => {
  it("calls anything within 45 seconds either way 'just now'", () => {
    expect(formatRelative(ago(44_000), now)).toBe("just now");
    expect(formatRelative(ago(-30_000), now)).toBe("just now");
  });

  it("uses minutes, hours, days, months and years in the past", () => {
    expect(formatRelative(ago(50_000), now)).toBe("1 min ago");
    expect(formatRelative(ago(5 * MIN), now)).toBe("5 min ago");
    expect(formatRelative(ago(2 * 60 * MIN), now)).toBe("2 h ago");
    expect(formatRelative(ago(3 * 24 * 60 * MIN), now)).toBe("3 d ago");
    expect(formatRelative(ago(120 * 24 * 60 * MIN), now)).toBe("4 mo ago");
    expect(formatRelative(ago(800 * 24 * 60 * MIN), now)).toBe("2 y ago");
  });

  it("says 'in …' for the future", () => {
    expect(formatRelative(ago(-3 * 24 * 60 * MIN), now)).toBe("in 3 d");
    expect(formatRelative(ago(-90 * MIN), now)).toBe("in 2 h");
  });
});
