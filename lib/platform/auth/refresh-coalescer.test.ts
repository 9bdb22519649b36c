import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { coalesceSessionRefresh, refreshedSessionCookie } from "./refresh-coalescer";

function requestWith(cookie: string) {
  return new NextRequest("http://bosun.test/acme", { headers: { cookie: `wos-session=${cookie}` } });
}

describe("coalesceSessionRefresh", () => {
  it("lets many requests with one expiring cookie share a single refresh", async () => {
    let refreshes = 0;
    const seen: string[] = [];
    const run = async (request: NextRequest) => {
      const cookie = request.cookies.get("wos-session")?.value ?? "";
      seen.push(cookie);
      const headers = new Headers();
      if (cookie === "old") {
        refreshes++;
        await new Promise((r) => setTimeout(r, 20));
        headers.append("set-cookie", "wos-session=new; Path=/; HttpOnly; SameSite=Lax");
      }
      return { headers };
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => coalesceSessionRefresh(requestWith("old"), run)));
    expect(refreshes).toBe(1);
    expect(seen.filter((c) => c === "new")).toHaveLength(7);
    for (const result of results) expect(refreshedSessionCookie(result.headers)?.refreshedCookie).toBe("new");
  });

  it("does not hold requests back when no refresh happened", async () => {
    let calls = 0;
    const run = async () => {
      calls++;
      return { headers: new Headers() };
    };
    await Promise.all([
      coalesceSessionRefresh(requestWith("fresh"), run),
      coalesceSessionRefresh(requestWith("fresh"), run),
    ]);
    expect(calls).toBe(2);
  });

  it("treats a deleted cookie as no refresh", () => {
    const headers = new Headers();
    headers.append("set-cookie", "wos-session=; Path=/; Max-Age=0");
    expect(refreshedSessionCookie(headers)).toBeNull();
  });
});
