/** The org sidebar, in order. `segment` is the path under /{orgSlug}. */
export const NAV_ITEMS = [
  { segment: "", label: "Overview", icon: "overview" },
  { segment: "sprints", label: "Sprints", icon: "sprints" },
  { segment: "errors", label: "Errors", icon: "errors" },
  { segment: "performance", label: "Performance", icon: "performance" },
  { segment: "releases", label: "Releases", icon: "releases" },
  { segment: "insights", label: "Insights", icon: "insights" },
  { segment: "automations", label: "Automations", icon: "automations" },
  { segment: "settings", label: "Settings", icon: "settings" },
] as const;

export type NavIcon = (typeof NAV_ITEMS)[number]["icon"];

/** True when `pathname` is inside the nav item (Overview matches only the org root). */
export function isNavItemActive(pathname: string, orgSlug: string, segment: string): boolean {
  const base = `/${orgSlug}`;
  if (segment === "") return pathname === base || pathname === `${base}/`;
  const target = `${base}/${segment}`;
  return pathname === target || pathname.startsWith(`${target}/`);
}
