import { describe, expect, it } from "vitest";
import { orgTimeZoneSetting, resolveDisplayZone, resolveOrgZone } from "./zone";

const supported = ["Europe/Berlin", "Asia/Calcutta", "America/New_York"];

describe("resolveDisplayZone", () => {
  it("accepts a zone the runtime lists", () => {
    expect(resolveDisplayZone("Europe/Berlin", supported)).toEqual({ id: "Europe/Berlin", isFallback: false });
  });

  it("accepts UTC, which the list leaves out", () => {
    expect(resolveDisplayZone("UTC", supported)).toEqual({ id: "UTC", isFallback: false });
  });

  it("accepts an alias the runtime resolves to a listed zone", () => {
    expect(resolveDisplayZone("Asia/Kolkata", supported)).toEqual({ id: "Asia/Calcutta", isFallback: false });
  });

  it("falls back to UTC, marked as a fallback, for a missing, unknown or oversized value", () => {
    const fallback = { id: "UTC", isFallback: true };
    expect(resolveDisplayZone(undefined, supported)).toEqual(fallback);
    expect(resolveDisplayZone("", supported)).toEqual(fallback);
    expect(resolveDisplayZone("Mars/Olympus_Mons", supported)).toEqual(fallback);
    expect(resolveDisplayZone("<script>", supported)).toEqual(fallback);
    expect(resolveDisplayZone("Europe/Berlin".repeat(10), supported)).toEqual(fallback);
  });
});

describe("resolveOrgZone", () => {
  it("uses the org's zone, or plain UTC when the stored value is not a zone", () => {
    expect(resolveOrgZone("America/New_York", supported)).toEqual({ id: "America/New_York", isFallback: false });
    expect(resolveOrgZone("nowhere", supported)).toEqual({ id: "UTC", isFallback: false });
  });
});

describe("orgTimeZoneSetting", () => {
  it("reads a string timeZone from the org's settings and nothing else", () => {
    expect(orgTimeZoneSetting({ timeZone: "Europe/Berlin", other: 1 })).toBe("Europe/Berlin");
    expect(orgTimeZoneSetting({ timeZone: 5 })).toBeUndefined();
    expect(orgTimeZoneSetting(null)).toBeUndefined();
    expect(orgTimeZoneSetting(["Europe/Berlin"])).toBeUndefined();
  });
});
