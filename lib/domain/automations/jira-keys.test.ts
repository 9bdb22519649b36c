import { describe, expect, it } from "vitest";
import { extractIssueKeys } from "./jira-keys";

describe("extractIssueKeys", () => {
  it.each<[string, string[]]>([
    ["ACME-12-fix-login", ["ACME-12"]],
    ["feature/ACME-12-fix-login", ["ACME-12"]],
    ["ACME-12", ["ACME-12"]],
    ["fix ACME-12.", ["ACME-12"]],
    ["[ACME-7] Fix crash (ACME-9)", ["ACME-7", "ACME-9"]],
    ["ACME-3 and OPS-4, then ACME-3 again", ["ACME-3", "OPS-4"]],
    ["OPS-4 before ACME-3", ["OPS-4", "ACME-3"]],
    ["MY_PROJ-5 and AB2-6", ["MY_PROJ-5", "AB2-6"]],
    ["ACME-123456789", ["ACME-123456789"]],
    // A letter after the number ends the key; only a further digit rejects it.
    ["ACME-12a", ["ACME-12"]],
    ["main", []],
    ["", []],
  ])("finds the keys in %j", (text, keys) => {
    expect(extractIssueKeys(text)).toEqual(keys);
  });

  it.each<[string, string]>([
    ["ACME-0", "issue numbers start at 1"],
    ["ACME-007", "issue numbers have no leading zero"],
    ["ACME-1234567890", "issue numbers have at most nine digits"],
    ["A-1", "project keys have at least two characters"],
    ["9ACME-1", "a key does not start after a digit"],
    ["fooACME-1", "a key does not start inside a lower-case word"],
    ["ACME-", "a key needs a number"],
    ["ACME 12", "a key needs the hyphen"],
  ])("finds nothing in %j: %s", (text) => {
    expect(extractIssueKeys(text)).toEqual([]);
  });

  it("takes an upper-case word as a whole: XACME-1 is a key of project XACME, not ACME-1", () => {
    expect(extractIssueKeys("XACME-1")).toEqual(["XACME-1"]);
    expect(extractIssueKeys("XACME-1", ["ACME"])).toEqual(["XACME-1"]);
  });

  it("matches anything shaped like an upper-case key, such as UTF-8 and ISO-8601 (a known false positive; Jira rejects unknown keys)", () => {
    expect(extractIssueKeys("Decode UTF-8 names per ISO-8601 (ACME-3)")).toEqual(["UTF-8", "ISO-8601", "ACME-3"]);
  });

  it("ignores lower-case keys unless their project is listed", () => {
    expect(extractIssueKeys("acme-12-fix")).toEqual([]);
    expect(extractIssueKeys("acme-12-fix", ["OPS"])).toEqual([]);
    expect(extractIssueKeys("acme-12-fix", ["ACME"])).toEqual(["ACME-12"]);
  });

  it("compares the listed projects case-insensitively", () => {
    expect(extractIssueKeys("acme-12-fix", ["acme"])).toEqual(["ACME-12"]);
    expect(extractIssueKeys("Acme-12-fix", ["Acme"])).toEqual(["ACME-12"]);
    expect(extractIssueKeys("Acme-12-fix")).toEqual([]);
  });

  it("deduplicates a key mentioned in upper and lower case, keeping the first mention's place", () => {
    expect(extractIssueKeys("ops-2 acme-5 ACME-5 OPS-2", ["ACME", "OPS"])).toEqual(["OPS-2", "ACME-5"]);
  });

  it("keeps upper-case keys of unlisted projects next to lower-case keys of listed ones", () => {
    expect(extractIssueKeys("acme-5 OPS-7 ops-8", ["ACME"])).toEqual(["ACME-5", "OPS-7"]);
  });

  it("reads a key glued to a lower-case prefix by an underscore as one unlisted project (feature_ACME-12 finds nothing)", () => {
    expect(extractIssueKeys("feature_ACME-12")).toEqual([]);
    expect(extractIssueKeys("feature-ACME-12")).toEqual(["ACME-12"]);
  });
});
