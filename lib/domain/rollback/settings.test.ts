import { describe, expect, it } from "vitest";
import { DEFAULT_ROLLBACK_SETTINGS, readRollbackSettings, rollbackSettingsSchema } from "./settings";
import { canDecideRollback } from "./decide-role";

describe("rollback settings", () => {
  it("defaults to a 24 h window, 3 Critical issues, production, and the rules' Jira project", () => {
    expect(DEFAULT_ROLLBACK_SETTINGS).toEqual({
      windowHours: 24,
      criticalIssueThreshold: 3,
      environment: "production",
      jiraProjectKey: null,
    });
  });

  it("names the field and the bound in each refusal", () => {
    const result = rollbackSettingsSchema.safeParse({
      windowHours: 0,
      criticalIssueThreshold: 1.5,
      environment: "prod env",
      jiraProjectKey: "ops",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({
      windowHours: "must be at least 1 hour",
      criticalIssueThreshold: "must be a whole number",
      environment: "may only hold letters, digits, dots, dashes and underscores",
      jiraProjectKey: "must be a Jira project key such as OPS",
    });
    expect(rollbackSettingsSchema.safeParse({ windowHours: 721 }).success).toBe(false);
  });

  it("reads stored settings, falling back to the defaults for junk", () => {
    expect(readRollbackSettings({ windowHours: 240 })).toEqual({ ...DEFAULT_ROLLBACK_SETTINGS, windowHours: 240 });
    expect(readRollbackSettings(undefined)).toEqual(DEFAULT_ROLLBACK_SETTINGS);
    expect(readRollbackSettings({ windowHours: "soon" })).toEqual(DEFAULT_ROLLBACK_SETTINGS);
    expect(readRollbackSettings("[]")).toEqual(DEFAULT_ROLLBACK_SETTINGS);
  });
});

describe("canDecideRollback", () => {
  it("admins and managers decide; members do not", () => {
    expect(["admin", "manager", "member"].map((role) => canDecideRollback(role as "admin"))).toEqual([
      true,
      true,
      false,
    ]);
  });
});
