import { describe, expect, it } from "vitest";
import {
  DEFAULT_RETENTION_SETTINGS,
  readRetentionSettings,
  retentionSettingsInputSchema,
  retentionSettingsSchema,
} from "./settings";

describe("retentionSettingsSchema", () => {
  it("defaults to 30 days of delivery payloads and 90 days of runs and finished writes", () => {
    expect(DEFAULT_RETENTION_SETTINGS).toEqual({
      deliveryPayloadDays: 30,
      automationRunDays: 90,
      finishedWriteDays: 90,
    });
    expect(retentionSettingsSchema.parse({ automationRunDays: 30 })).toEqual({
      deliveryPayloadDays: 30,
      automationRunDays: 30,
      finishedWriteDays: 90,
    });
  });

  it("accepts the bounds themselves", () => {
    expect(
      retentionSettingsSchema.parse({ deliveryPayloadDays: 7, automationRunDays: 14, finishedWriteDays: 730 }),
    ).toEqual({ deliveryPayloadDays: 7, automationRunDays: 14, finishedWriteDays: 730 });
    expect(
      retentionSettingsSchema.parse({ deliveryPayloadDays: 365, automationRunDays: 730, finishedWriteDays: 14 }),
    ).toEqual({ deliveryPayloadDays: 365, automationRunDays: 730, finishedWriteDays: 14 });
  });

  it.each([
    [{ deliveryPayloadDays: 6 }, "deliveryPayloadDays", "must be at least 7 days"],
    [{ deliveryPayloadDays: 366 }, "deliveryPayloadDays", "must be at most 365 days"],
    [{ automationRunDays: 13 }, "automationRunDays", "must be at least 14 days"],
    [{ automationRunDays: 731 }, "automationRunDays", "must be at most 730 days"],
    [{ finishedWriteDays: 0 }, "finishedWriteDays", "must be at least 14 days"],
    [{ finishedWriteDays: 30.5 }, "finishedWriteDays", "must be a whole number of days"],
    [{ finishedWriteDays: "90" }, "finishedWriteDays", "must be a whole number of days"],
  ])("rejects %o naming %s", (input, path, message) => {
    const result = retentionSettingsSchema.safeParse(input);
    expect(
      result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    ).toEqual([{ path, message }]);
  });
});

describe("retentionSettingsInputSchema", () => {
  it("requires every field, naming the missing one", () => {
    const result = retentionSettingsInputSchema.safeParse({ deliveryPayloadDays: 30, automationRunDays: 90 });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join("."))).toEqual(["finishedWriteDays"]);
    expect(
      retentionSettingsInputSchema.parse({ deliveryPayloadDays: 30, automationRunDays: 90, finishedWriteDays: 90 }),
    ).toEqual(DEFAULT_RETENTION_SETTINGS);
  });
});

describe("readRetentionSettings", () => {
  it("uses the defaults when nothing is stored", () => {
    for (const stored of [undefined, null, "30", [], 42])
      expect(readRetentionSettings(stored)).toEqual(DEFAULT_RETENTION_SETTINGS);
  });

  it("keeps each valid stored value and falls back per field for invalid ones", () => {
    expect(readRetentionSettings({ deliveryPayloadDays: 10, automationRunDays: 1, finishedWriteDays: "x" })).toEqual({
      deliveryPayloadDays: 10,
      automationRunDays: 90,
      finishedWriteDays: 90,
    });
    expect(
      readRetentionSettings({ deliveryPayloadDays: 60, automationRunDays: 120, finishedWriteDays: 365, unknown: true }),
    ).toEqual({ deliveryPayloadDays: 60, automationRunDays: 120, finishedWriteDays: 365 });
  });
});
