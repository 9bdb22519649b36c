import { describe, expect, it } from "vitest";
import { OrgChangeLog } from "./changes";

describe("OrgChangeLog", () => {
  it("trusts nothing until it is listening", () => {
    const log = new OrgChangeLog();
    expect(log.unchangedSince("o1", log.now())).toBe(false);
    log.up();
    expect(log.unchangedSince("o1", log.now())).toBe(true);
  });

  it("counts a change to an org against that org only, from the position it was taken at", () => {
    const log = new OrgChangeLog();
    log.up();
    const before = log.now();
    log.record("o1", false);
    expect(log.unchangedSince("o1", before)).toBe(false);
    expect(log.unchangedSince("o2", before)).toBe(true);
    expect(log.unchangedSince("o1", log.now())).toBe(true);
  });

  it("counts a change every org shows against all of them", () => {
    const log = new OrgChangeLog();
    log.up();
    const before = log.now();
    log.record("*", true);
    expect(log.unchangedSince("o1", before)).toBe(false);
    expect(log.unchangedSince("o2", before)).toBe(false);
  });

  it("after a lost connection, trusts nothing from before it listened again", () => {
    const log = new OrgChangeLog();
    log.up();
    const before = log.now();
    log.down();
    expect(log.unchangedSince("o1", before)).toBe(false);
    log.up();
    expect(log.unchangedSince("o1", before)).toBe(false);
    expect(log.unchangedSince("o1", log.now())).toBe(true);
  });
});
