/**
 * A release version as it may appear in a URL or a tool call, checked before
 * anything is looked up: Sentry release names are at most 200 characters with
 * no control characters and are never "." or "..". Jira version names fit the same rule.
 */
export const MAX_VERSION_LENGTH = 200;

export type VersionName = { ok: true; name: string } | { ok: false; message: string };

export function checkVersionName(raw: string): VersionName {
  const name = raw.trim();
  if (!name) return { ok: false, message: "is required" };
  if (name.length > MAX_VERSION_LENGTH)
    return { ok: false, message: `must be at most ${MAX_VERSION_LENGTH} characters` };
  if (/[\u0000-\u001f\u007f]/.test(name)) return { ok: false, message: "must not contain control characters" };
  if (name === "." || name === "..") return { ok: false, message: "is not a release name" };
  return { ok: true, name };
}
