import { describe, expect, it } from "vitest";
import { NAV_ITEMS, isNavItemActive } from "./nav-items";

describe("isNavItemActive", () => {
  it("matches Overview only at the org root", () => {
    expect(isNavItemActive("/acme", "acme", "")).toBe(true);
    expect(isNavItemActive("/acme/sprints", "acme", "")).toBe(false);
  });

  it("matches a section and its sub-pages, not look-alike prefixes", () => {
    expect(isNavItemActive("/acme/releases/2.4.0/notes", "acme", "releases")).toBe(true);
    expect(isNavItemActive("/acme/errors", "acme", "errors")).toBe(true);
    expect(isNavItemActive("/acme/errorsx", "acme", "errors")).toBe(false);
    expect(isNavItemActive("/globex/errors", "acme", "errors")).toBe(false);
  });

  it("lists the sections in sidebar order", () => {
    expect(NAV_ITEMS.map((i) => i.label)).toEqual([
      "Overview",
      "Sprints",
      "Errors",
      "Performance",
      "Releases",
      "Insights",
      "Automations",
      "Settings",
    ]);
  });
});
