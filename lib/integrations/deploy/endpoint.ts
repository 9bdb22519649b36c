import "server-only";
import { describeInternalAddress } from "@/lib/integrations/ip-ranges";
import { normalizeHost } from "@/lib/integrations/upstream-policy";

/**
 * Whether an admin-typed hook URL may be stored. The URL is hostile input: in live mode only https, and no
 * loopback, private or metadata address written into it (a name that resolves to one is refused when the request
 * connects, by the same outbound policy every integration goes through). Demo mode talks to its emulators over
 * plain http on loopback. Null when acceptable, else the reason, worded to follow "URL: ".
 */
export function checkRollbackHookUrl(value: string, mode: "demo" | "live"): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a full URL such as https://deploy.example.com/hooks/rollback";
  }
  if (url.username || url.password) return "must not carry a user name or password; the secret signs each request";
  if (url.hash) return "must not have a #fragment";
  if (mode === "demo") return url.protocol === "https:" || url.protocol === "http:" ? null : "must be an http(s) URL";
  if (url.protocol !== "https:") return "must use https";
  const host = normalizeHost(url.hostname);
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local"))
    return `must not point at ${host}, an internal name`;
  const label = /^[\d.]+$|:/.test(host) ? describeInternalAddress(host) : null;
  if (label) return `must not point at ${host}, ${/^[aeiou]/i.test(label) ? "an" : "a"} ${label} address`;
  return null;
}
