import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, roleRank, type Permission } from "./permissions";

/** The role matrix as a table: any change to who may do what shows up here in review. */
const EXPECTED: Record<Permission, [admin: boolean, manager: boolean, member: boolean]> = {
  "dashboards:view": [true, true, true],
  "errors:triage": [true, true, true],
  "tickets:create-from-error": [true, true, true],
  "availability:edit-own": [true, true, true],
  "availability:edit-team": [true, true, false],
  "sprints:plan": [true, true, false],
  "tickets:create": [true, true, false],
  "ownership:edit": [true, true, false],
  "release-notes:publish": [true, true, false],
  "automations:view": [true, true, false],
  "automations:edit": [true, false, false],
  "members:view": [true, true, true],
  "members:manage": [true, false, false],
  "integrations:manage": [true, false, false],
  "api-keys:manage": [true, false, false],
  "settings:manage": [true, false, false],
  "audit-log:view": [true, false, false],
};

describe("role matrix", () => {
  it("covers every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [permission, allowed] of Object.entries(EXPECTED) as [Permission, boolean[]][]) {
    it(`${permission}: ${ROLES.filter((_, i) => allowed[i]).join(", ")}`, () => {
      expect(ROLES.map((role) => can(role, permission))).toEqual(allowed);
    });
  }

  it("admins can do everything, and every permission a member has, a manager has too", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(can("admin", permission)).toBe(true);
      if (can("member", permission)) expect(can("manager", permission)).toBe(true);
    }
  });

  it("ranks roles by reach", () => {
    expect(roleRank("admin")).toBeGreaterThan(roleRank("manager"));
    expect(roleRank("manager")).toBeGreaterThan(roleRank("member"));
  });
});
