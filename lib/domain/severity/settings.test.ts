import { describe, expect, it } from "vitest";
import { DEFAULT_SEVERITY_SETTINGS, severitySettingsSchema } from "./settings";

const fieldErrors = (input: unknown) => {
  const result = severitySettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("severitySettingsSchema", () => {
  it("fills in the defaults for missing keys", () => {
    expect(DEFAULT_SEVERITY_SETTINGS).toEqual({
      highUserThreshold: 50,
      highEventThreshold: 1000,
      criticalUserThreshold: 500,
    });
    expect(severitySettingsSchema.parse({ highUserThreshold: 20 })).toEqual({
      highUserThreshold: 20,
      highEventThreshold: 1000,
      criticalUserThreshold: 500,
    });
  });

  it.each([
    [{ highUserThreshold: 0 }, "highUserThreshold", "must be at least 1"],
    [{ highEventThreshold: 2.5 }, "highEventThreshold", "must be a whole number"],
    [{ criticalUserThreshold: "500" }, "criticalUserThreshold", "must be a whole number"],
    [
      { highUserThreshold: 100, criticalUserThreshold: 60 },
      "criticalUserThreshold",
      "must be at least the high user threshold",
    ],
  ])("rejects %o naming %s", (input, path, message) => {
    expect(fieldErrors(input)).toEqual([{ path, message }]);
  });

  it("accepts critical equal to high", () => {
    expect(severitySettingsSchema.safeParse({ highUserThreshold: 100, criticalUserThreshold: 100 }).success).toBe(true);
  });
});
