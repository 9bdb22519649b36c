/**
 * next/headers for route handlers called outside Next: the request's headers
 * and a cookie jar for the request under test, as AuthKit reads and writes them.
 */
type Cookie = { name: string; value: string };

const globalForFuzz = globalThis as { bosunFuzzRequest?: { headers: Headers; cookies: Map<string, string> } };
const current = () => (globalForFuzz.bosunFuzzRequest ??= { headers: new Headers(), cookies: new Map() });

/** Makes `request` the one cookies() and headers() answer for. */
export function enterRequest(request: Request) {
  const cookies = new Map<string, string>();
  for (const pair of (request.headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  globalForFuzz.bosunFuzzRequest = { headers: new Headers(request.headers), cookies };
}

export function fakeNextHeaders() {
  const jar = {
    get: (name: string): Cookie | undefined => {
      const value = current().cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    getAll: (): Cookie[] => [...current().cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => current().cookies.has(name),
    set: (nameOrCookie: string | Cookie, value?: string) => {
      const cookie = typeof nameOrCookie === "string" ? { name: nameOrCookie, value: value ?? "" } : nameOrCookie;
      current().cookies.set(cookie.name, cookie.value);
      return jar;
    },
    delete: (name: string | { name: string }) => {
      current().cookies.delete(typeof name === "string" ? name : name.name);
      return jar;
    },
  };
  return {
    cookies: async () => jar,
    headers: async () => current().headers,
    draftMode: async () => ({ isEnabled: false, enable: () => undefined, disable: () => undefined }),
  };
}
