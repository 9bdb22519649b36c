import { describe, expect, it } from "vitest";
import { orgPageEntries } from "./pages";

const hrefs = (role: "admin" | "manager" | "member") => orgPageEntries("acme", role).map((e) => e.href);

describe("orgPageEntries", () => {
  it("offers admins every settings page", () => {
    expect(hrefs("admin")).toEqual(
      expect.arrayContaining([
        "/acme",
        "/acme/settings",
        "/acme/settings/integrations",
        "/acme/settings/audit-log",
        "/acme/settings/api-keys",
        "/acme/automations",
      ]),
    );
  });

  it("leaves out admin-only settings for a manager, who still plans sprints and sees automations", () => {
    const manager = hrefs("manager");
    for (const adminOnly of [
      "/acme/settings",
      "/acme/settings/integrations",
      "/acme/settings/audit-log",
      "/acme/settings/api-keys",
    ])
      expect(manager).not.toContain(adminOnly);
    expect(manager).toEqual(
      expect.arrayContaining(["/acme/sprints/plan", "/acme/automations", "/acme/settings/members"]),
    );
  });

  it("gives a member the dashboards and members list but no planning or automations", () => {
    const member = hrefs("member");
    expect(member).toEqual(
      expect.arrayContaining(["/acme/sprints", "/acme/errors", "/acme/releases", "/acme/settings/members"]),
    );
    for (const hidden of ["/acme/sprints/plan", "/acme/automations", "/acme/tickets/new", "/acme/settings/ownership"])
      expect(member).not.toContain(hidden);
  });

  it("makes every entry a page under the org", () => {
    for (const entry of orgPageEntries("globex", "admin")) {
      expect(entry.kind).toBe("page");
      expect(entry.href === "/globex" || entry.href.startsWith("/globex/")).toBe(true);
    }
  });
});
