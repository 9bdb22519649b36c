import { describe, expect, it } from "vitest";
import { lastAdminViolation } from "./last-admin";

describe("lastAdminViolation", () => {
  it("refuses to demote or remove the only admin", () => {
    expect(lastAdminViolation({ targetRole: "admin", nextRole: "member", activeAdmins: 1 })).toMatch(/last admin/);
    expect(lastAdminViolation({ targetRole: "admin", nextRole: null, activeAdmins: 1 })).toMatch(/before removing/);
  });

  it("allows it when another admin remains", () => {
    expect(lastAdminViolation({ targetRole: "admin", nextRole: "manager", activeAdmins: 2 })).toBeNull();
    expect(lastAdminViolation({ targetRole: "admin", nextRole: null, activeAdmins: 2 })).toBeNull();
  });

  it("does not care about non-admins or keeping an admin an admin", () => {
    expect(lastAdminViolation({ targetRole: "member", nextRole: null, activeAdmins: 1 })).toBeNull();
    expect(lastAdminViolation({ targetRole: "admin", nextRole: "admin", activeAdmins: 1 })).toBeNull();
  });
});
