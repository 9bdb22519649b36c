/** Sentry versions are often "package@1.2.3+build"; the package must match for the numbers to mean anything. */
const SEMVER = /^(?:(.+)@)?v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

type Semver = { name: string; major: number; minor: number; patch: number; preRelease: string[] };

/**
 * Ascending comparator for release versions. Two semver versions (optionally
 * "package@" prefixed, with the same package) follow semver precedence:
 * 2.10.0 > 2.9.0 and 1.0.0-rc.1 < 1.0.0; build metadata is ignored. Anything
 * else compares as text with numeric runs ordered by value.
 */
export function compareVersions(a: string, b: string): number {
  const left = parseSemver(a);
  const right = parseSemver(b);
  if (!left || !right || left.name !== right.name) return a.localeCompare(b, "en", { numeric: true });

  const diff = left.major - right.major || left.minor - right.minor || left.patch - right.patch;
  return diff !== 0 ? Math.sign(diff) : comparePreRelease(left.preRelease, right.preRelease);
}

function parseSemver(version: string): Semver | null {
  const match = SEMVER.exec(version.trim());
  if (!match) return null;
  const [, name = "", major, minor, patch, preRelease] = match;
  return {
    name,
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    preRelease: preRelease ? preRelease.split(".") : [],
  };
}

/** Semver §11: no pre-release beats any; numeric identifiers sort below alphanumeric ones; a longer list wins a tie. */
function comparePreRelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return Math.sign(b.length - a.length);
  for (const [i, identifier] of a.entries()) {
    const other = b[i];
    if (other === undefined) break;
    const diff = compareIdentifier(identifier, other);
    if (diff !== 0) return diff;
  }
  return Math.sign(a.length - b.length);
}

function compareIdentifier(a: string, b: string): number {
  const isNumericA = /^\d+$/.test(a);
  const isNumericB = /^\d+$/.test(b);
  if (isNumericA && isNumericB) return Math.sign(Number(a) - Number(b));
  if (isNumericA !== isNumericB) return isNumericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
