/** Sort orders for the notes, fixed so the same input always gives the same text. */
const KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;

/** Jira keys by project, then by number: ACME-2 before ACME-10. Malformed keys go last, by text. */
export function compareIssueKeys(a: string, b: string): number {
  const ma = KEY.exec(a);
  const mb = KEY.exec(b);
  if (ma && mb) return compareText(ma[1] as string, mb[1] as string) || Number(ma[2]) - Number(mb[2]);
  if (ma) return -1;
  if (mb) return 1;
  return compareText(a, b);
}

/** Names as people sort them: case-insensitive and with numbers in order (Team 2 before Team 10). */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, "en", { sensitivity: "base", numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}
