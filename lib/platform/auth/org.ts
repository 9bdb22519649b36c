import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import * as Sentry from "@sentry/nextjs";
import { headers } from "next/headers";
import { withAuth } from "@workos-inc/authkit-nextjs";
import type { Role } from "@/lib/domain/permissions";
import { findActiveMembership } from "@/lib/db/system/memberships";
import { createSessionRecord, findSessionRecord, revokeSessionRecord, touchSession } from "@/lib/db/system/sessions";
import { noteOrgAuthorized, RENDER_TICKET_HEADER } from "@/lib/platform/render-cache/tickets";
import { evaluateSession } from "./session-policy";
import { buildSwitchPath, resolveReturnTo } from "./switch-org";

import { ORG_SLUG } from "./org-slug";

export { ORG_SLUG };

export type OrgContext = {
  org: {
    id: string;
    slug: string;
    name: string;
    workosOrgId: string;
    requireMfa: boolean;
    sessionIdleTimeoutMinutes: number | null;
  };
  user: { id: string; workosUserId: string; email: string; name: string };
  role: Role;
  sessionId: string;
};

/**
 * Resolves the org named in the URL for the signed-in user, or answers 404.
 * Every page, action and route that touches org data calls this; a check in a
 * layout alone is not enough. Non-members get the same 404 as a missing org,
 * so outsiders cannot tell an org exists. A member whose WorkOS session is in
 * another org (or in none) goes through /switch-org first, so WorkOS applies
 * this org's policies (SSO, MFA enrolment) before its pages open. It also
 * applies the org's session rules: revoked or idle sessions are signed out, and
 * an org that requires MFA sends unverified sessions to verify first. Cached per request.
 */
export const requireOrg = cache(async (orgSlug: string): Promise<OrgContext> => {
  // Not a possible slug (e.g. /favicon.ico reaching the [orgSlug] route): nothing to look up.
  if (!ORG_SLUG.test(orgSlug)) notFound();
  const { user: sessionUser, sessionId, organizationId, accessToken } = await withAuth();
  // proxy.ts sends signed-out page views to sign in; this covers a session that ended mid-navigation.
  if (!sessionUser) redirect(`/sign-in?returnTo=${encodeURIComponent(`/${orgSlug}`)}`);
  // The session record is looked up alongside the membership (it is keyed by the WorkOS session alone); it is
  // created, and used, only once the membership says this person may open the org.
  const [membership, seenSession] = await Promise.all([
    findActiveMembership({ orgSlug, workosUserId: sessionUser.id }),
    findSessionRecord({ workosSessionId: sessionId }),
  ]);
  if (!membership) notFound();
  if (organizationId !== membership.org.workosOrgId)
    redirect(buildSwitchPath(membership.org.slug, resolveReturnTo(membership.org.slug, await readCurrentPath())));

  const now = new Date();
  const session =
    seenSession ??
    (await createSessionRecord({ workosSessionId: sessionId, userId: membership.user.id, orgId: membership.org.id }));
  const verdict = evaluateSession(session, membership.org, now);
  // /sign-out reads why from the session record, so the redirect carries no reason.
  if (verdict.kind === "revoked") redirect("/sign-out");
  if (verdict.kind === "idle") {
    await revokeSessionRecord({ workosSessionId: sessionId, now });
    redirect("/sign-out");
  }
  if (verdict.touch) await touchSession({ workosSessionId: sessionId, now });
  if (verdict.kind === "mfa-required") redirect(`/mfa?org=${encodeURIComponent(membership.org.slug)}`);

  // A dashboard render may be kept for this session only because this check passed (lib/platform/render-cache).
  noteOrgAuthorized(await readHeader(RENDER_TICKET_HEADER), { slug: orgSlug, orgId: membership.org.id, accessToken });
  Sentry.setTags({ org: membership.org.slug, role: membership.role });
  Sentry.setUser({ id: membership.user.id });
  return { org: membership.org, user: membership.user, role: membership.role, sessionId };
});

async function readHeader(name: string): Promise<string | null> {
  try {
    return (await headers()).get(name);
  } catch {
    return null;
  }
}

/** The path (and query) of the page being opened, from the URL AuthKit's proxy passes along; null outside a request. */
async function readCurrentPath(): Promise<string | null> {
  try {
    const url = await readHeader("x-url");
    if (!url) return null;
    const { pathname, search } = new URL(url);
    return `${pathname}${search}`;
  } catch {
    return null;
  }
}
