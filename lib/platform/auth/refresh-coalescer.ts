import type { NextRequest } from "next/server";

/**
 * WorkOS refresh tokens are single-use. When several requests arrive with the
 * same expiring session cookie (parallel RSC fetches, several tabs), each would
 * try to refresh and all but one would be refused — and a refused refresh
 * deletes the cookie, signing the user out at random. This makes them share one
 * refresh: the first request refreshes, the others wait for it and then
 * proceed with the refreshed cookie (and pass its Set-Cookie on to the browser).
 *
 * Per process; behind several replicas, route a user's requests to one replica
 * or rely on WorkOS's own handling of concurrent refreshes.
 */
export type SessionResult = { headers: Headers };

type Outcome = { refreshedCookie: string; setCookie: string } | null;
type Entry = { settled: Promise<Outcome>; at: number };

const RECENT_MS = 15_000;
const entries = new Map<string, Entry>();

export const SESSION_COOKIE = "wos-session";

/** The new session cookie if `headers` set one (a deletion is not a refresh). */
export function refreshedSessionCookie(headers: Headers, cookieName = SESSION_COOKIE): Outcome {
  for (const header of headers.getSetCookie()) {
    const match = new RegExp(`^${cookieName}=([^;]*)`).exec(header);
    if (match?.[1] && !/max-age=0\b/i.test(header) && !/expires=thu, 01 jan 1970/i.test(header))
      return { refreshedCookie: decodeURIComponent(match[1]), setCookie: header };
  }
  return null;
}

function prune(now: number) {
  for (const [key, entry] of entries) if (now - entry.at > RECENT_MS) entries.delete(key);
}

export async function coalesceSessionRefresh<T extends SessionResult>(
  request: NextRequest,
  run: (request: NextRequest) => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  if (!cookie) return run(request);
  prune(now);

  const existing = entries.get(cookie);
  if (existing) {
    const outcome = await existing.settled;
    if (!outcome) return run(request);
    request.cookies.set(SESSION_COOKIE, outcome.refreshedCookie);
    const result = await run(request);
    if (!refreshedSessionCookie(result.headers)) result.headers.append("set-cookie", outcome.setCookie);
    return result;
  }

  let settle: (outcome: Outcome) => void = () => {};
  entries.set(cookie, { settled: new Promise<Outcome>((resolve) => (settle = resolve)), at: now });
  try {
    const result = await run(request);
    const outcome = refreshedSessionCookie(result.headers);
    settle(outcome);
    if (!outcome) entries.delete(cookie);
    return result;
  } catch (error) {
    settle(null);
    entries.delete(cookie);
    throw error;
  }
}
