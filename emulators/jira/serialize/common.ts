import type { JiraUser } from "../model";

/** Where a site's resources live, e.g. http://127.0.0.1:4102/acme; used for every `self` link. */
export type SiteUrls = { base: string };

/** Jira's timestamp format for issue fields: 2024-05-01T09:30:00.000+0000. */
export function jiraDateTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

/** Agile resources use ISO 8601 with Z. */
export function isoDateTime(ms: number | null): string | undefined {
  return ms === null ? undefined : new Date(ms).toISOString();
}

export function avatarUrls(urls: SiteUrls, kind: "user" | "project", ownerId: string) {
  const path = kind === "user" ? "secure/useravatar" : "secure/projectavatar";
  const owner = kind === "user" ? `ownerId=${encodeURIComponent(ownerId)}` : `pid=${ownerId}`;
  return {
    "48x48": `${urls.base}/${path}?size=large&${owner}`,
    "24x24": `${urls.base}/${path}?size=small&${owner}`,
    "16x16": `${urls.base}/${path}?size=xsmall&${owner}`,
    "32x32": `${urls.base}/${path}?size=medium&${owner}`,
  };
}

/** The user shape embedded in issues and returned by the user endpoints. */
export function serializeUser(urls: SiteUrls, user: JiraUser) {
  return {
    self: `${urls.base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: "atlassian",
    emailAddress: user.email,
    avatarUrls: avatarUrls(urls, "user", user.accountId),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
  };
}

/** GET /myself adds the locale and the user's groups and roles. */
export function serializeMyself(urls: SiteUrls, user: JiraUser) {
  return {
    ...serializeUser(urls, user),
    locale: "en_GB",
    groups: { size: 1, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: "groups,applicationRoles",
  };
}
