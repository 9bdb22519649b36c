import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { demoSession, type MockAuthkitSession } from "@/test/authkit-session";
import { db } from "@/lib/db/client";
import * as route from "./route";
import * as actions from "../actions";

/**
 * Signing out: the account menu's POST action, and the GET that requireOrg
 * sends ended sessions to. Real database; AuthKit's signOut is recorded and
 * redirects the way the real one does.
 */
const session = vi.hoisted(() => ({ current: { user: null, sessionId: "session_none" } as MockAuthkitSession }));
const signOuts = vi.hoisted(() => [] as string[]);
vi.mock("@workos-inc/authkit-nextjs", async () => {
  const { redirect } = await import("next/navigation");
  return {
    withAuth: async () => session.current,
    switchToOrganization: async () => undefined,
    signOut: async ({ returnTo }: { returnTo?: string } = {}) => {
      signOuts.push(returnTo ?? "/");
      redirect(returnTo ?? "/");
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/** Where a redirect() thrown by `run` points. */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  const match = /^NEXT_REDIRECT;\w+;([^;]+);/.exec(error?.digest ?? "");
  if (!match) throw new Error(`expected a redirect, got ${String(error)}`);
  return match[1]!;
}

describe("signing out", () => {
  let linusId: string;
  let acmeId: string;
  let publicUrl: string;
  let since: Date;
  let sessionCount = 0;

  useSeededDatabase({ label: "signout" });
  beforeAll(async () => {
    publicUrl = (await import("@/lib/platform/env")).env.publicUrl;
    linusId = (await db.user.findUniqueOrThrow({ where: { email: "linus@acme.test" } })).id;
    acmeId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
  });
  beforeEach(async () => {
    signOuts.length = 0;
    // The audit log is append-only: each test reads the entries written since it started.
    since = new Date();
    session.current = { ...demoSession("linus"), sessionId: `session_linus_${++sessionCount}` };
    await db.organization.update({ where: { id: acmeId }, data: { sessionIdleTimeoutMinutes: 30 } });
  });

  const recordSession = (data: { lastSeenAt: Date; revokedAt?: Date | null }) =>
    db.userSession.create({
      data: { workosSessionId: session.current.sessionId, userId: linusId, orgId: acmeId, ...data },
    });
  const sessionRecord = () =>
    db.userSession.findUniqueOrThrow({ where: { workosSessionId: session.current.sessionId } });
  const signOutAudits = () =>
    db.auditLog.findMany({
      where: { action: "user.signed_out", createdAt: { gte: since } },
      select: { summary: true },
    });
  const getSignOut = (query = "") => redirectTarget(() => route.GET(new Request(`http://bosun.test/sign-out${query}`)));
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  it("finding 7 (sign-out): a GET /sign-out for a session that is still valid neither ends it nor writes an audit entry", async () => {
    await recordSession({ lastSeenAt: minutesAgo(1) });
    expect(await getSignOut()).toBe("/sign-out/confirm");
    expect(signOuts).toEqual([]);
    expect((await sessionRecord()).revokedAt).toBeNull();
    expect(await signOutAudits()).toEqual([]);
  });

  it("finding 7 (sign-out): ?reason=idle on a valid session is ignored", async () => {
    await recordSession({ lastSeenAt: minutesAgo(1) });
    expect(await getSignOut("?reason=idle")).toBe("/sign-out/confirm");
    expect(await getSignOut("?reason=revoked")).toBe("/sign-out/confirm");
    expect(signOuts).toEqual([]);
    expect((await sessionRecord()).revokedAt).toBeNull();
    expect(await signOutAudits()).toEqual([]);
  });

  it("finding 7 (sign-out): a session seen for the first time is not signed out by a GET either", async () => {
    expect(await getSignOut("?reason=revoked")).toBe("/sign-out/confirm");
    expect(signOuts).toEqual([]);
    expect(await signOutAudits()).toEqual([]);
  });

  it("finding 7 (sign-out): a revoked session is signed out as revoked, whatever the query says", async () => {
    await recordSession({ lastSeenAt: minutesAgo(2), revokedAt: minutesAgo(1) });
    expect(await getSignOut("?reason=idle")).toBe(`${publicUrl}/?signedOut=revoked`);
    expect(signOuts).toEqual([`${publicUrl}/?signedOut=revoked`]);
    expect(await signOutAudits()).toEqual([{ summary: "Linus Torvalds was signed out (revoked)" }]);
  });

  it("finding 7 (sign-out): a session the org's idle timeout ended is signed out as idle, whatever the query says", async () => {
    // requireOrg revokes an idle session before sending it to /sign-out.
    await recordSession({ lastSeenAt: minutesAgo(45), revokedAt: minutesAgo(0) });
    expect(await getSignOut("?reason=revoked")).toBe(`${publicUrl}/?signedOut=idle`);
    expect(await signOutAudits()).toEqual([{ summary: "Linus Torvalds was signed out (idle)" }]);
  });

  it("finding 7 (sign-out): an idle session not yet revoked is ended as idle by the GET", async () => {
    await recordSession({ lastSeenAt: minutesAgo(45) });
    expect(await getSignOut()).toBe(`${publicUrl}/?signedOut=idle`);
    expect((await sessionRecord()).revokedAt).not.toBeNull();
    expect(await signOutAudits()).toEqual([{ summary: "Linus Torvalds was signed out (idle)" }]);
  });

  it("finding 7 (sign-out): a signed-out visitor is sent home", async () => {
    session.current = { user: null, sessionId: "session_none" };
    expect(await getSignOut("?reason=idle")).toBe("/");
    expect(signOuts).toEqual([]);
  });

  it("finding 7 (sign-out): the account menu's POST action signs out and audits it", async () => {
    await recordSession({ lastSeenAt: minutesAgo(1) });
    expect(await redirectTarget(() => actions.signOutAction())).toBe(`${publicUrl}/`);
    expect(signOuts).toEqual([`${publicUrl}/`]);
    expect((await sessionRecord()).revokedAt).not.toBeNull();
    expect(await signOutAudits()).toEqual([{ summary: "Linus Torvalds signed out" }]);
  });
});
