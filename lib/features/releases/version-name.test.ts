import { describe, expect, it } from "vitest";
import { checkVersionName } from "./version-name";

describe("checkVersionName", () => {
  it("accepts ordinary release names, trimmed", () => {
    expect(checkVersionName("2.15.0")).toEqual({ ok: true, name: "2.15.0" });
    expect(checkVersionName(" web@2.15.0+build.7 ")).toEqual({ ok: true, name: "web@2.15.0+build.7" });
    expect(checkVersionName("x".repeat(200))).toEqual({ ok: true, name: "x".repeat(200) });
  });

  it.each([
    ["", "is required"],
    ["   ", "is required"],
    ["x".repeat(201), "must be at most 200 characters"],
    ["2.15\n.0", "must not contain control characters"],
    ["2.15\u0000", "must not contain control characters"],
    [".", "is not a release name"],
    ["..", "is not a release name"],
  ])("refuses %j: %s", (raw, message) => {
    expect(checkVersionName(raw)).toEqual({ ok: false, message });
  });
});
