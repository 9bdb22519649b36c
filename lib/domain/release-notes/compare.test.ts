import { describe, expect, it } from "vitest";
import { compareIssueKeys, compareText } from "./compare";

describe("compareIssueKeys", () => {
  it("orders by number, not text: ACME-2 before ACME-10", () => {
    expect(["ACME-10", "ACME-2", "ACME-1", "ACME-100"].sort(compareIssueKeys)).toEqual([
      "ACME-1",
      "ACME-2",
      "ACME-10",
      "ACME-100",
    ]);
  });

  it("orders by project first", () => {
    expect(["PORT-1", "ACME-20", "HULL-3", "ACME-3"].sort(compareIssueKeys)).toEqual([
      "ACME-3",
      "ACME-20",
      "HULL-3",
      "PORT-1",
    ]);
  });

  it("puts malformed keys last, by text", () => {
    expect(["weird", "ACME-1", "also weird"].sort(compareIssueKeys)).toEqual(["ACME-1", "also weird", "weird"]);
  });
});

describe("compareText", () => {
  it("sorts case-insensitively with numbers in order", () => {
    expect(["beta", "Alpha", "Team 10", "Team 2"].sort(compareText)).toEqual(["Alpha", "beta", "Team 2", "Team 10"]);
  });

  it("still gives names that differ only in case a fixed order", () => {
    expect(compareText("api", "API")).not.toBe(0);
    expect(["api", "API"].sort(compareText)).toEqual(["API", "api"].sort(compareText));
  });
});
