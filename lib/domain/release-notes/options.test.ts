import { describe, expect, it } from "vitest";
import { DEFAULT_RELEASE_NOTES_OPTIONS, releaseNotesOptionsSchema, withDefaults } from "./options";

const fieldErrors = (input: unknown) => {
  const result = releaseNotesOptionsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("releaseNotesOptionsSchema", () => {
  it("fills in the defaults", () => {
    expect(DEFAULT_RELEASE_NOTES_OPTIONS).toEqual({
      variant: "internal",
      groupBy: "component",
      hideKeysForCustomers: true,
      excludedLabels: ["internal", "tech-debt", "chore"],
      maxKnownIssues: 5,
    });
  });

  it("trims labels", () => {
    expect(releaseNotesOptionsSchema.parse({ excludedLabels: [" wip "] }).excludedLabels).toEqual(["wip"]);
  });

  it.each([
    [{ maxKnownIssues: -1 }, "maxKnownIssues", "must be 0 or more"],
    [{ maxKnownIssues: 1.5 }, "maxKnownIssues", "must be a whole number"],
    [{ excludedLabels: ["  "] }, "excludedLabels.0", "must not be empty"],
  ])("rejects %o naming %s", (input, path, message) => {
    expect(fieldErrors(input)).toEqual([{ path, message }]);
  });

  it("rejects unknown variants and groupings", () => {
    expect(fieldErrors({ variant: "public" })).toHaveLength(1);
    expect(fieldErrors({ groupBy: "assignee" })).toHaveLength(1);
  });
});

describe("withDefaults", () => {
  it("overlays the keys given and keeps the defaults for explicit undefined", () => {
    expect(withDefaults({ variant: "customer", maxKnownIssues: undefined })).toEqual({
      ...DEFAULT_RELEASE_NOTES_OPTIONS,
      variant: "customer",
    });
    expect(withDefaults()).toEqual(DEFAULT_RELEASE_NOTES_OPTIONS);
  });
});
