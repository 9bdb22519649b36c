import { can, type Permission, type Role } from "../permissions";
import type { PaletteEntry } from "./entry";

type PageSpec = { path: string; label: string; keywords?: string[]; permission?: Permission };

/** Every page of an org the palette offers, with the permission a role needs to use it. */
const PAGES: PageSpec[] = [
  { path: "", label: "Overview", keywords: ["home", "dashboard"] },
  { path: "sprints", label: "Sprints", keywords: ["capacity", "board"] },
  { path: "sprints/plan", label: "Plan a sprint", keywords: ["planning"], permission: "sprints:plan" },
  { path: "sprints/availability", label: "Availability", keywords: ["time off", "capacity"] },
  { path: "errors", label: "Errors", keywords: ["issues", "sentry"] },
  { path: "performance", label: "Performance", keywords: ["web vitals", "latency"] },
  { path: "releases", label: "Releases", keywords: ["versions", "deploys"] },
  { path: "insights", label: "Insights", keywords: ["dora", "delivery"] },
  { path: "insights/sprints", label: "Sprint reports", keywords: ["burndown", "velocity"] },
  { path: "insights/forecasts", label: "Forecasts", keywords: ["monte carlo"] },
  { path: "insights/quality", label: "Quality", keywords: ["bugs"] },
  { path: "insights/report", label: "Insights report", keywords: ["print"] },
  { path: "automations", label: "Automations", keywords: ["rules"], permission: "automations:view" },
  { path: "tickets/new", label: "New tickets", keywords: ["jira", "create"], permission: "tickets:create" },
  { path: "notifications", label: "Notifications", keywords: ["inbox"] },
  { path: "notifications/preferences", label: "Notification preferences", keywords: ["email", "digest"] },
  { path: "settings", label: "Organization settings", keywords: ["settings"], permission: "settings:manage" },
  { path: "settings/members", label: "Members", keywords: ["settings", "people", "roles"] },
  { path: "settings/ownership", label: "Ownership", keywords: ["settings", "owners"], permission: "ownership:edit" },
  {
    path: "settings/integrations",
    label: "Integrations",
    keywords: ["settings", "jira", "sentry"],
    permission: "integrations:manage",
  },
  { path: "settings/audit-log", label: "Audit log", keywords: ["settings", "history"], permission: "audit-log:view" },
  { path: "settings/api-keys", label: "API keys", keywords: ["settings", "mcp"], permission: "api-keys:manage" },
];

/** The org's pages this role may use, as palette entries. */
export function orgPageEntries(orgSlug: string, role: Role): PaletteEntry[] {
  return PAGES.filter((page) => !page.permission || can(role, page.permission)).map((page) => ({
    kind: "page",
    label: page.label,
    href: page.path ? `/${orgSlug}/${page.path}` : `/${orgSlug}`,
    keywords: page.keywords,
  }));
}
