/**
 * The time zone a viewer's times are shown in. The browser reports its zone in a cookie; anything that is not a
 * zone this runtime knows (a tampered cookie, a zone newer than our ICU data) falls back to UTC, and the fallback is
 * said on screen so nobody reads UTC as their own time.
 */
export type DisplayZone = {
  /** An IANA zone id ("Europe/Berlin") or "UTC". */
  id: string;
  /** True when the viewer's own zone was unknown or invalid and UTC stands in for it. */
  isFallback: boolean;
};

export const UTC_ZONE: DisplayZone = { id: "UTC", isFallback: false };
const FALLBACK_ZONE: DisplayZone = { id: "UTC", isFallback: true };

/** The IANA zones this runtime knows (about 400 names, no "UTC"), read once per process rather than on every render. */
let zones: readonly string[] | undefined;
export function supportedTimeZones(): readonly string[] {
  return (zones ??= Intl.supportedValuesOf("timeZone"));
}

/** Longest IANA id is about 30 characters; anything much longer is not a zone. */
const MAX_ZONE_LENGTH = 64;

/**
 * The zone to show times in for `candidate` (the cookie's value), checked against `supported`
 * (`Intl.supportedValuesOf("timeZone")`). Aliases a browser may report ("Asia/Kolkata" where the runtime lists
 * "Asia/Calcutta") are accepted when the runtime resolves them to a listed zone.
 */
export function resolveDisplayZone(candidate: string | undefined, supported: readonly string[]): DisplayZone {
  if (!candidate || candidate.length > MAX_ZONE_LENGTH) return FALLBACK_ZONE;
  if (candidate === "UTC" || candidate === "Etc/UTC") return UTC_ZONE;
  if (supported.includes(candidate)) return { id: candidate, isFallback: false };
  const canonical = canonicalZone(candidate);
  return canonical && supported.includes(canonical) ? { id: canonical, isFallback: false } : FALLBACK_ZONE;
}

function canonicalZone(candidate: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: candidate }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone an org keeps its calendar in (sprint days), or UTC when the stored value is not a zone. */
export function resolveOrgZone(stored: string | null | undefined, supported: readonly string[]): DisplayZone {
  const zone = resolveDisplayZone(stored ?? undefined, supported);
  return { id: zone.id, isFallback: false };
}

/**
 * The org's calendar zone as its settings hold it (`settings.timeZone`, an IANA id), or undefined when the org has
 * not set one. Sprint days (start, end, days left) are counted in it, the same for every viewer.
 */
export function orgTimeZoneSetting(settings: unknown): string | undefined {
  if (typeof settings !== "object" || settings === null || Array.isArray(settings)) return undefined;
  const zone = (settings as Record<string, unknown>).timeZone;
  return typeof zone === "string" ? zone : undefined;
}
