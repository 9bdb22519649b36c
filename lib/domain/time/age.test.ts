import { describe, expect, it } from "vitest";
import { formatAge } from "./age";

const now = new Date("2026-12-04T10:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("formatAge", () => {
  it("says just now under half a minute, then whole minutes however many", () => {
    expect(formatAge(ago(0), now)).toBe("just now");
    expect(formatAge(ago(29_999), now)).toBe("just now");
    expect(formatAge(ago(30_000), now)).toBe("1 min ago");
    expect(formatAge(ago(170_000), now)).toBe("3 min ago");
    expect(formatAge(ago(125 * 60_000), now)).toBe("125 min ago");
  });

  it("says just now for a fetch stamped a little ahead of the clock", () => {
    expect(formatAge(new Date(now.getTime() + 90_000), now)).toBe("just now");
  });
});
