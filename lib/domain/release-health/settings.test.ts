import { describe, expect, it } from "vitest";
import { DEFAULT_RELEASE_HEALTH_SETTINGS, releaseHealthSettingsSchema } from "./settings";

describe("releaseHealthSettingsSchema", () => {
  it("fills in the defaults for missing keys", () => {
    expect(DEFAULT_RELEASE_HEALTH_SETTINGS).toEqual({ regressionThresholdPoints: 0.5, minSessions: 1000 });
    expect(releaseHealthSettingsSchema.parse({ minSessions: 50 })).toEqual({
      regressionThresholdPoints: 0.5,
      minSessions: 50,
    });
  });

  it.each([
    [{ regressionThresholdPoints: -1 }, "regressionThresholdPoints", "must be 0 or more"],
    [{ regressionThresholdPoints: "1" }, "regressionThresholdPoints", "must be a number"],
    [{ minSessions: 0 }, "minSessions", "must be at least 1"],
    [{ minSessions: 10.5 }, "minSessions", "must be a whole number"],
  ])("rejects %o naming %s", (input, path, message) => {
    const result = releaseHealthSettingsSchema.safeParse(input);
    expect(
      result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    ).toEqual([{ path, message }]);
  });
});
