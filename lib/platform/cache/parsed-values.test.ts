import { beforeEach, describe, expect, it } from "vitest";
import { forgetValues, recallValue, rememberValue } from "./parsed-values";

describe("parsed cache values", () => {
  beforeEach(() => forgetValues());
  const at = new Date("2026-11-24T06:00:00.000Z");

  it("gives a value back with the version it was read at, per org", () => {
    rememberValue("org1", "boards", at, { boards: [1, 2] });
    expect(recallValue("org1", "boards")).toEqual({ fetchedAt: at, value: { boards: [1, 2] } });
    expect(recallValue("org2", "boards")).toBeNull();
    rememberValue("org1", "boards", new Date(at.getTime() + 1), { boards: [3] });
    expect(recallValue("org1", "boards")).toEqual({ fetchedAt: new Date(at.getTime() + 1), value: { boards: [3] } });
  });

  it("freezes values all the way down, as every request shares them", () => {
    const value = rememberValue("org1", "issues", at, { issues: [{ key: "A-1", labels: ["y", "x"] }] });
    expect(() => value.issues.push({ key: "A-2", labels: [] })).toThrow(TypeError);
    expect(() => value.issues[0]!.labels.sort()).toThrow(TypeError);
  });

  it("keeps the 256 most recently used", () => {
    for (let i = 0; i < 256; i++) rememberValue("org", `k${i}`, at, i);
    expect(recallValue("org", "k0")).toEqual({ fetchedAt: at, value: 0 }); // now the most recent
    rememberValue("org", "k256", at, 256);
    expect(recallValue("org", "k0")).not.toBeNull();
    expect(recallValue("org", "k1")).toBeNull();
  });
});
