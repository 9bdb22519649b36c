/**
 * A release version's patch line: "2.14.1" → line "2.14", patch 1; "web@v3.2.0" → line "web@v3.2", patch 0.
 * Null when the version does not end in major.minor.patch (a commit sha, a date).
 */
export function patchLine(version: string): { line: string; patch: number } | null {
  const match = /^(.*?)(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) return null;
  return { line: `${match[1]}${match[2]}.${match[3]}`, patch: Number(match[4]) };
}
