import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextResponse } from "next/server";
import { useSeededDatabase } from "@/test/fixtures/database";
import { demoSession, demoWorkosOrgId, type MockAuthkitSession } from "@/test/authkit-session";
import type * as NextHeaders from "next/headers";
import type * as Org from "./org";
import * as org from "./org";
import * as api from "./api";
import * as route from "@/app/(auth)/switch-org/route";
import { closeTicket, openTicket, RENDER_TICKET_HEADER } from "@/lib/platform/render-cache/tickets";

/**
 * The org in the URL against the org the WorkOS session is in: requireOrg,
 * requireOrgForApi and the switch route, on a real database with only AuthKit
 * swapped in (switchToOrganization is recorded instead of talking to WorkOS).
 */
const session = vi.hoisted(() => ({ current: { user: null, sessionId: "session_none" } as MockAuthkitSession }));
const switches = vi.hoisted(() => [] as { organizationId: string; options: { returnTo?: string } }[]);
const refusal = vi.hoisted(() => ({ error: null as Error | null }));
vi.mock("@workos-inc/authkit-nextjs", () => ({
  withAuth: async () => session.current,
  // Like AuthKit's: a refresh into the org, then a redirect to returnTo (left here to the caller's fallback).
  switchToOrganization: async (organizationId: string, options: { returnTo?: string }) => {
    if (refusal.error) throw refusal.error;
    switches.push({ organizationId, options });
  },
  signOut: async () => undefined,
  getSignInUrl: async ({ organizationId, returnTo }: { organizationId?: string; returnTo?: string }) =>
    `https://workos.test/authorize?${new URLSearchParams({ organization_id: organizationId ?? "", return_to: returnTo ?? "" })}`,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
/** The request's headers, when a test sets them; otherwise next/headers as outside a request. */
const requestHeaders = vi.hoisted(() => ({ current: null as Headers | null }));
vi.mock("next/headers", async (original) => {
  const real = await original<typeof NextHeaders>();
  return { ...real, headers: async () => requestHeaders.current ?? real.headers() };
});

const jwtExpiringAt = (exp: number) =>
  ["e30", Buffer.from(JSON.stringify({ exp })).toString("base64url"), "s"].join(".");

/** Where a redirect() thrown by `run` points, or the error it threw instead. */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT;")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("expected a redirect");
}

describe("the org in the URL is the org of the session", () => {
  useSeededDatabase({ label: "orgbinding" });
  beforeEach(() => {
    switches.length = 0;
    refusal.error = null;
  });

  const switchUrl = (query: string) => new Request(`http://bosun.test/switch-org?${query}`);

  it("admits a session into the org it is signed in under", async () => {
    session.current = demoSession("margaret", "acme");
    expect((await org.requireOrg("acme")).org.slug).toBe("acme");
    session.current = demoSession("margaret", "globex");
    expect((await org.requireOrg("globex")).role).toBe("manager");
  });

  it("finding 5 (org binding): a session under acme opening globex is sent through the switch, not shown the page", async () => {
    session.current = demoSession("margaret", "acme");
    expect(await redirectTarget(() => org.requireOrg("globex"))).toBe("/switch-org?org=globex&returnTo=%2Fglobex");
  });

  it("finding 5 (org binding): a session in no organization is sent through the switch too", async () => {
    session.current = { ...demoSession("linus"), organizationId: undefined };
    expect(await redirectTarget(() => org.requireOrg("acme"))).toBe("/switch-org?org=acme&returnTo=%2Facme");
  });

  it("tells the render's ticket which org this session was let into, and tells nothing when it was refused", async () => {
    const ticket = openTicket();
    requestHeaders.current = new Headers({ [RENDER_TICKET_HEADER]: ticket });
    try {
      session.current = { ...demoSession("margaret", "acme"), accessToken: jwtExpiringAt(1_900_000_000) };
      const { org: acme } = await org.requireOrg("acme");
      session.current = demoSession("hedy", "globex");
      await expect(org.requireOrg("acme")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
      expect([...(closeTicket(ticket)?.orgs ?? [])]).toEqual([
        ["acme", { orgId: acme.id, tokenExpiresAt: 1_900_000_000_000 }],
      ]);
    } finally {
      requestHeaders.current = null;
    }
  });

  it("finding 5 (org binding): an outsider still gets the 404, not a switch", async () => {
    session.current = demoSession("hedy");
    await expect(org.requireOrg("acme")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("finding 5 (org binding): API routes answer 404 for an org other than the session's", async () => {
    session.current = demoSession("margaret", "acme");
    const other = await api.requireOrgForApi("globex", "dashboards:view");
    expect(other).toBeInstanceOf(NextResponse);
    expect((other as NextResponse).status).toBe(404);
    expect(await (other as NextResponse).json()).toEqual({ error: "not_found", message: "Not found." });
    const own = await api.requireOrgForApi("acme", "dashboards:view");
    expect(own).not.toBeInstanceOf(NextResponse);
    expect((own as Org.OrgContext).org.slug).toBe("acme");
  });

  it("finding 5 (org binding): the switch route moves the session to globex through WorkOS and returns to the page", async () => {
    session.current = demoSession("margaret", "acme");
    expect(
      await redirectTarget(() => route.GET(switchUrl("org=globex&returnTo=%2Fglobex%2Ferrors%3Fstatus%3Dunresolved"))),
    ).toBe("/globex/errors?status=unresolved");
    expect(switches).toEqual([
      { organizationId: demoWorkosOrgId("globex"), options: { returnTo: "/globex/errors?status=unresolved" } },
    ]);
  });

  it("finding 5 (org binding): the switch route answers 404 to a non-member and switches nothing", async () => {
    session.current = demoSession("ada");
    await expect(route.GET(switchUrl("org=globex&returnTo=%2Fglobex"))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    await expect(route.GET(switchUrl("org=no-such-org"))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    expect(switches).toEqual([]);
  });

  it("finding 5 (org binding): the switch returns only to a page of the org it switched to", async () => {
    session.current = demoSession("margaret", "acme");
    for (const returnTo of [
      "//evil.test/globex",
      "/\\evil.test",
      "https://evil.test/globex",
      "/acme/errors",
      "/globexx",
      "/globex/../acme",
    ]) {
      expect(
        await redirectTarget(() => route.GET(switchUrl(`org=globex&returnTo=${encodeURIComponent(returnTo)}`))),
      ).toBe("/globex");
    }
    expect(switches.map((s) => s.options.returnTo)).toEqual(Array(6).fill("/globex"));
  });

  it("finding 5 (org binding): a signed-out visitor is sent to sign in and comes back through the switch", async () => {
    session.current = { user: null, sessionId: "session_none" };
    expect(await redirectTarget(() => route.GET(switchUrl("org=globex&returnTo=%2Fglobex%2Ferrors")))).toBe(
      `/sign-in?returnTo=${encodeURIComponent("/globex/errors")}`,
    );
    expect(switches).toEqual([]);
  });

  it("finding 5 (org binding): a session WorkOS will not move signs in again straight into that org, an outage does not", async () => {
    session.current = demoSession("margaret", "acme");
    refusal.error = Object.assign(new Error("Failed to refresh session: Session has already ended."), {
      name: "TokenRefreshError",
      isTransient: false,
    });
    expect(await redirectTarget(() => route.GET(switchUrl("org=globex&returnTo=%2Fglobex")))).toBe(
      `https://workos.test/authorize?organization_id=${demoWorkosOrgId("globex")}&return_to=%2Fglobex`,
    );
    refusal.error = Object.assign(new Error("Failed to refresh session: 503"), {
      name: "TokenRefreshError",
      isTransient: true,
    });
    await expect(route.GET(switchUrl("org=globex"))).rejects.toThrow(/503/);
  });

  it("finding 5 (org binding): a router prefetch of the switch switches nothing", async () => {
    session.current = demoSession("margaret", "acme");
    const response = await route.GET(
      new Request("http://bosun.test/switch-org?org=globex", { headers: { "next-router-prefetch": "1" } }),
    );
    expect(response.status).toBe(204);
    expect(switches).toEqual([]);
  });
});
