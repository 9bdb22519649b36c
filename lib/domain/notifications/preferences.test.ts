import { describe, expect, it } from "vitest";
import {
  EMPTY_ORG_DEFAULTS,
  decideDelivery,
  isDigestOnly,
  personalPreferencesSchema,
  readOrgNotificationDefaults,
  resolveChannel,
  wantsWeeklyDigest,
  type StoredPreference,
} from "./preferences";

const stored = (overrides: Partial<StoredPreference> = {}): StoredPreference => ({
  channels: {},
  timeZone: "UTC",
  quietStart: null,
  quietEnd: null,
  digestOnly: false,
  weeklyDigest: true,
  unsubscribedAt: null,
  ...overrides,
});

describe("resolveChannel", () => {
  it("falls back to e-mail for outages and bad releases, in-app for the rest", () => {
    const at = (event: Parameters<typeof resolveChannel>[0]["event"]) =>
      resolveChannel({ event, preference: null, orgDefaults: EMPTY_ORG_DEFAULTS });
    expect(at("critical_issue")).toBe("email");
    expect(at("issue_regression")).toBe("email");
    expect(at("release_regression")).toBe("email");
    expect(at("rollback_recommended")).toBe("email");
    expect(at("rule_failed")).toBe("in_app");
    expect(at("write_stuck")).toBe("in_app");
    expect(at("sprint_over_capacity")).toBe("in_app");
  });

  it("takes the org default over the fallback, and the person's choice over both", () => {
    const orgDefaults = readOrgNotificationDefaults({ notifications: { channels: { rule_failed: "email" } } });
    expect(resolveChannel({ event: "rule_failed", preference: null, orgDefaults })).toBe("email");
    expect(
      resolveChannel({ event: "rule_failed", preference: stored({ channels: { rule_failed: "off" } }), orgDefaults }),
    ).toBe("off");
    // An event the person did not name follows the org.
    expect(
      resolveChannel({
        event: "rule_failed",
        preference: stored({ channels: { critical_issue: "off" } }),
        orgDefaults,
      }),
    ).toBe("email");
  });

  it("ignores stored choices that do not validate rather than dropping the notification", () => {
    const preference = stored({ channels: { critical_issue: "carrier-pigeon" } });
    expect(resolveChannel({ event: "critical_issue", preference, orgDefaults: EMPTY_ORG_DEFAULTS })).toBe("email");
  });

  it("treats a malformed org section as absent", () => {
    expect(readOrgNotificationDefaults({ notifications: { channels: { critical_issue: 7 } } })).toEqual(
      EMPTY_ORG_DEFAULTS,
    );
    expect(readOrgNotificationDefaults({ notifications: "yes" })).toEqual(EMPTY_ORG_DEFAULTS);
    expect(readOrgNotificationDefaults({})).toEqual(EMPTY_ORG_DEFAULTS);
  });
});

describe("decideDelivery", () => {
  it("sends nothing when the event is off", () => {
    const preference = stored({ channels: { critical_issue: "off" } });
    expect(decideDelivery({ event: "critical_issue", preference, orgDefaults: EMPTY_ORG_DEFAULTS })).toEqual({
      inApp: false,
      email: false,
    });
  });

  it("keeps the inbox but drops e-mail for an unsubscribed person", () => {
    const preference = stored({ unsubscribedAt: new Date("2026-01-01T00:00:00Z") });
    expect(decideDelivery({ event: "critical_issue", preference, orgDefaults: EMPTY_ORG_DEFAULTS })).toEqual({
      inApp: true,
      email: false,
    });
  });

  it("e-mails only for the email channel", () => {
    expect(decideDelivery({ event: "write_stuck", preference: null, orgDefaults: EMPTY_ORG_DEFAULTS })).toEqual({
      inApp: true,
      email: false,
    });
    expect(decideDelivery({ event: "critical_issue", preference: null, orgDefaults: EMPTY_ORG_DEFAULTS })).toEqual({
      inApp: true,
      email: true,
    });
  });
});

describe("digest choices", () => {
  it("follows the org until the person saves their own", () => {
    const orgDefaults = readOrgNotificationDefaults({ notifications: { digestOnly: true } });
    expect(isDigestOnly(null, orgDefaults)).toBe(true);
    expect(isDigestOnly(stored({ digestOnly: false }), orgDefaults)).toBe(false);
  });

  it("sends no weekly digest to an unsubscribed person, and always one to a digest-only person", () => {
    expect(wantsWeeklyDigest(stored({ unsubscribedAt: new Date() }), EMPTY_ORG_DEFAULTS)).toBe(false);
    expect(wantsWeeklyDigest(stored({ weeklyDigest: false, digestOnly: true }), EMPTY_ORG_DEFAULTS)).toBe(true);
    expect(wantsWeeklyDigest(stored({ weeklyDigest: false }), EMPTY_ORG_DEFAULTS)).toBe(false);
  });
});

describe("personalPreferencesSchema", () => {
  const valid = {
    channels: { critical_issue: "email" },
    timeZone: "Europe/Berlin",
    quietStart: "22:00",
    quietEnd: "07:00",
    digestOnly: false,
    weeklyDigest: true,
    unsubscribed: false,
  };

  it("accepts a complete form", () => {
    expect(personalPreferencesSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ quietStart: "25:00" }, "quietStart"],
    [{ quietEnd: null }, "quietEnd"],
    [{ quietEnd: "22:00" }, "quietEnd"],
    [{ channels: { critical_issue: "sms" } }, "channels"],
  ])("names the field that is wrong: %j", (patch, field) => {
    const result = personalPreferencesSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});
