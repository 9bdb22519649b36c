import { describe, expect, it } from "vitest";
import { compareVersions } from "./compare-versions";

const ascending = (versions: string[]) => [...versions].sort(compareVersions);

describe("compareVersions", () => {
  it.each([
    ["2.10.0", "2.9.0"],
    ["2.9.1", "2.9.0"],
    ["3.0.0", "2.99.99"],
    ["1.0.0", "1.0.0-rc.1"],
    ["1.0.0-rc.2", "1.0.0-rc.1"],
    ["1.0.0-rc.10", "1.0.0-rc.9"],
    ["1.0.0-beta", "1.0.0-alpha"],
    ["1.0.0-alpha.beta", "1.0.0-alpha.1"], // alphanumeric beats numeric
    ["1.0.0-alpha.1", "1.0.0-alpha"], // longer wins a tie
    ["v2.10.0", "v2.9.0"],
    ["web@2.10.0", "web@2.9.0"],
    ["web@1.0.0", "web@1.0.0-rc.1"],
    ["build-10", "build-9"],
    ["2024.10.2", "2024.9.30"],
  ])("%s > %s", (newer, older) => {
    expect(compareVersions(newer, older)).toBeGreaterThan(0);
    expect(compareVersions(older, newer)).toBeLessThan(0);
  });

  it("treats equal versions and build metadata as equal", () => {
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
    expect(compareVersions("1.2.3+abc", "1.2.3+def")).toBe(0);
  });

  it("falls back to text for different packages or non-semver", () => {
    expect(compareVersions("api@9.0.0", "web@1.0.0")).toBeLessThan(0);
    expect(compareVersions("abc123", "abc123")).toBe(0);
    expect(ascending(["1.10", "1.9", "1.2"])).toEqual(["1.2", "1.9", "1.10"]);
  });

  it("sorts a mixed list", () => {
    expect(ascending(["2.10.0", "2.9.0", "2.10.0-rc.1", "2.2.0", "2.10.0-beta"])).toEqual([
      "2.2.0",
      "2.9.0",
      "2.10.0-beta",
      "2.10.0-rc.1",
      "2.10.0",
    ]);
  });
});
