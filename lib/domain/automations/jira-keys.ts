/**
 * Jira issue keys mentioned in a branch name or pull request title. Keys are
 * upper case (`ACME-12`); for the projects a rule names, lower-case mentions
 * (`acme-12-login-fix`, the usual git branch style) count too. In order of
 * first mention, without duplicates.
 */
const KEY = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9_]+)-([1-9]\d{0,8})(?![0-9])/g;

export function extractIssueKeys(text: string, caseInsensitiveProjects: readonly string[] = []): string[] {
  const lowerCaseOk = new Set(caseInsensitiveProjects.map((p) => p.toUpperCase()));
  const keys: string[] = [];
  for (const match of text.matchAll(KEY)) {
    const [, project = "", number = ""] = match;
    const upper = project.toUpperCase();
    const isUpper = project === upper && /^[A-Z]/.test(project);
    if (!isUpper && !lowerCaseOk.has(upper)) continue;
    const key = `${upper}-${number}`;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
