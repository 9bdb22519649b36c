import { describe, expect, it } from "vitest";
import { decideBatch } from "./batch";
import { isDigestDue, latestDigestSlot, nextDigestSlot } from "./digest-schedule";
import { EMPTY_ORG_DEFAULTS, type StoredPreference } from "./preferences";
import { isInQuietHours } from "./quiet-hours";
import { instantOfWallClock, isValidTimeZone } from "./time-zone";

const at = (iso: string) => new Date(iso);

describe("time zones", () => {
  it("knows IANA zones and refuses anything else", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Nowhere/Special")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("moves a time skipped by DST forward by the gap and takes the first of a repeated hour", () => {
    // Berlin springs forward 2026-03-29 02:00 → 03:00; falls back 2026-10-25 03:00 → 02:00.
    expect(instantOfWallClock({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Berlin")).toEqual(
      at("2026-03-29T01:30:00Z"),
    );
    expect(instantOfWallClock({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Berlin")).toEqual(
      at("2026-10-25T00:30:00Z"),
    );
  });
});

describe("isInQuietHours", () => {
  const night = { timeZone: "Europe/Berlin", quietStart: "22:00", quietEnd: "07:00" };

  it("reads a window over midnight on the person's clock", () => {
    // June: Berlin is UTC+2.
    expect(isInQuietHours({ ...night, now: at("2026-06-01T19:59:00Z") })).toBe(false); // 21:59
    expect(isInQuietHours({ ...night, now: at("2026-06-01T20:00:00Z") })).toBe(true); // 22:00
    expect(isInQuietHours({ ...night, now: at("2026-06-02T04:59:00Z") })).toBe(true); // 06:59
    expect(isInQuietHours({ ...night, now: at("2026-06-02T05:00:00Z") })).toBe(false); // 07:00
  });

  it("follows the clock through a DST change", () => {
    // January: Berlin is UTC+1, so 21:30 UTC is 22:30 local.
    expect(isInQuietHours({ ...night, now: at("2026-01-10T21:30:00Z") })).toBe(true);
    expect(isInQuietHours({ ...night, now: at("2026-01-10T20:30:00Z") })).toBe(false);
  });

  it("handles a window within one day and no window at all", () => {
    const lunch = { timeZone: "UTC", quietStart: "12:00", quietEnd: "13:00" };
    expect(isInQuietHours({ ...lunch, now: at("2026-06-01T12:30:00Z") })).toBe(true);
    expect(isInQuietHours({ ...lunch, now: at("2026-06-01T13:30:00Z") })).toBe(false);
    expect(isInQuietHours({ timeZone: "UTC", quietStart: null, quietEnd: null, now: at("2026-06-01T03:00:00Z") })).toBe(
      false,
    );
  });
});

describe("decideBatch", () => {
  const preference = (overrides: Partial<StoredPreference> = {}): StoredPreference => ({
    channels: {},
    timeZone: "UTC",
    quietStart: null,
    quietEnd: null,
    digestOnly: false,
    weeklyDigest: true,
    unsubscribedAt: null,
    ...overrides,
  });
  const now = at("2026-06-01T12:00:00Z");
  const decide = (lastEmailedAt: Date | null, pref: StoredPreference | null = preference()) =>
    decideBatch({ now, lastEmailedAt, preference: pref, orgDefaults: EMPTY_ORG_DEFAULTS });

  it("sends the first e-mail of a burst at once", () => {
    expect(decide(null)).toEqual({ action: "send" });
    expect(decide(null, null)).toEqual({ action: "send" });
  });

  it("holds the rest until ten minutes after the last e-mail", () => {
    expect(decide(at("2026-06-01T11:51:00Z"))).toEqual({ action: "wait", until: at("2026-06-01T12:01:00Z") });
    expect(decide(at("2026-06-01T11:50:00Z"))).toEqual({ action: "send" });
  });

  it("waits out quiet hours, collects for the digest, and skips the unsubscribed", () => {
    expect(decide(null, preference({ quietStart: "11:00", quietEnd: "13:00" }))).toEqual({
      action: "wait",
      until: null,
    });
    expect(decide(null, preference({ digestOnly: true }))).toEqual({ action: "digest" });
    expect(decide(null, preference({ unsubscribedAt: now, digestOnly: true }))).toEqual({ action: "skip" });
  });
});

describe("weekly digest schedule", () => {
  it("is Monday 08:00 on the person's clock", () => {
    // 2026-06-03 is a Wednesday; the Monday before is 06-01, 08:00 in New York (UTC-4) is 12:00 UTC.
    expect(latestDigestSlot(at("2026-06-03T10:00:00Z"), "America/New_York")).toEqual(at("2026-06-01T12:00:00Z"));
    expect(nextDigestSlot(at("2026-06-03T10:00:00Z"), "America/New_York")).toEqual(at("2026-06-08T12:00:00Z"));
    expect(latestDigestSlot(at("2026-06-01T07:59:00Z"), "UTC")).toEqual(at("2026-05-25T08:00:00Z"));
    expect(latestDigestSlot(at("2026-06-01T08:00:00Z"), "UTC")).toEqual(at("2026-06-01T08:00:00Z"));
  });

  it("keeps 08:00 local across a DST change", () => {
    // Berlin: last Monday of winter time 2026-03-23 (UTC+1), first of summer time 2026-03-30 (UTC+2).
    expect(latestDigestSlot(at("2026-03-24T00:00:00Z"), "Europe/Berlin")).toEqual(at("2026-03-23T07:00:00Z"));
    expect(nextDigestSlot(at("2026-03-24T00:00:00Z"), "Europe/Berlin")).toEqual(at("2026-03-30T06:00:00Z"));
    // New York falls back on Sunday 2026-11-01: the Monday after is 08:00 EST = 13:00 UTC.
    expect(nextDigestSlot(at("2026-10-28T12:00:00Z"), "America/New_York")).toEqual(at("2026-11-02T13:00:00Z"));
  });

  it("uses the local date, not the UTC one, to find Monday", () => {
    // Monday 00:30 UTC is still Sunday in New York: the slot is the previous Monday there.
    expect(latestDigestSlot(at("2026-06-08T00:30:00Z"), "America/New_York")).toEqual(at("2026-06-01T12:00:00Z"));
    // Sunday 23:30 UTC is Monday 08:30 in Tokyo (UTC+9): this week's slot has come.
    expect(latestDigestSlot(at("2026-06-07T23:30:00Z"), "Asia/Tokyo")).toEqual(at("2026-06-07T23:00:00Z"));
  });

  it("is due once per week, within the grace after the slot", () => {
    const monday = at("2026-06-01T08:05:00Z");
    const knownSince = at("2026-01-01T00:00:00Z");
    expect(isDigestDue({ now: monday, timeZone: "UTC", lastDigestAt: null, knownSince })).toBe(true);
    expect(isDigestDue({ now: monday, timeZone: "UTC", lastDigestAt: at("2026-06-01T08:01:00Z"), knownSince })).toBe(
      false,
    );
    expect(isDigestDue({ now: monday, timeZone: "UTC", lastDigestAt: at("2026-05-25T08:01:00Z"), knownSince })).toBe(
      true,
    );
    expect(isDigestDue({ now: at("2026-06-03T08:05:00Z"), timeZone: "UTC", lastDigestAt: null, knownSince })).toBe(
      false,
    );
  });

  it("waits for the next Monday for someone Bosun first knew after this week's slot", () => {
    const monday = at("2026-06-01T08:05:00Z");
    expect(
      isDigestDue({ now: monday, timeZone: "UTC", lastDigestAt: null, knownSince: at("2026-06-01T08:01:00Z") }),
    ).toBe(false);
    expect(
      isDigestDue({
        now: at("2026-06-08T08:05:00Z"),
        timeZone: "UTC",
        lastDigestAt: null,
        knownSince: at("2026-06-01T08:01:00Z"),
      }),
    ).toBe(true);
  });
});
