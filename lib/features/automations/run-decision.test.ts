import { describe, expect, it } from "vitest";
import { readRunDecision } from "./run-decision";

describe("readRunDecision", () => {
  it("reads the summary and notes the rule runner stores", () => {
    expect(readRunDecision({ kind: "create_bug", summary: "Create bug in ACME", notes: ["linked WEB-1"] })).toEqual({
      summary: "Create bug in ACME",
      notes: ["linked WEB-1"],
    });
  });

  it("has no decision for a run that stored none", () => {
    expect(readRunDecision(null)).toBeNull();
    expect(readRunDecision("skip")).toBeNull();
  });

  it("leaves out fields of another shape instead of failing the log", () => {
    expect(readRunDecision({ summary: 42, notes: ["kept", 7, null] })).toEqual({ summary: null, notes: ["kept"] });
    expect(readRunDecision({ notes: "not a list" })).toEqual({ summary: null, notes: [] });
  });
});
