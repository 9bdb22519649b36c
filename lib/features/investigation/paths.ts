/** Where an issue's investigation report lives in Bosun (a path under the org). */
export const investigationPath = (orgSlug: string, issueId: string) =>
  `/${orgSlug}/errors/${encodeURIComponent(issueId)}/investigation`;
