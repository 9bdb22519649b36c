import "server-only";
import { NextResponse } from "next/server";
import { withAuth } from "@workos-inc/authkit-nextjs";
import { findActiveMembership } from "@/lib/db/system/memberships";
import { findOrCreateSession } from "@/lib/db/system/sessions";
import { can, type Permission } from "../../domain/permissions";
import { ORG_SLUG, type OrgContext } from "./org";
import { evaluateSession } from "./session-policy";

/**
 * requireOrg for route handlers: JSON answers instead of redirects. Signed out
 * (or a session that has ended) → 401; not a member → 404, exactly like a
 * missing org, and so is an org other than the one the WorkOS session is in
 * (a browser switches orgs through a page, which applies the org's policies);
 * a member whose role lacks the permission → 403.
 */
export async function requireOrgForApi(orgSlug: string, permission: Permission): Promise<OrgContext | NextResponse> {
  if (!ORG_SLUG.test(orgSlug)) return NextResponse.json({ error: "not_found", message: "Not found." }, { status: 404 });
  const { user, sessionId, organizationId } = await withAuth();
  if (!user)
    return NextResponse.json({ error: "unauthenticated", message: "Sign in to use this endpoint." }, { status: 401 });
  const membership = await findActiveMembership({ orgSlug, workosUserId: user.id });
  if (!membership || organizationId !== membership.org.workosOrgId)
    return NextResponse.json({ error: "not_found", message: "Not found." }, { status: 404 });
  const session = await findOrCreateSession({
    workosSessionId: sessionId,
    userId: membership.user.id,
    orgId: membership.org.id,
  });
  const verdict = evaluateSession(session, membership.org, new Date());
  if (verdict.kind !== "ok")
    return NextResponse.json(
      {
        error: "session_ended",
        message:
          verdict.kind === "mfa-required"
            ? "This organization requires two-step verification."
            : "Your session has ended; sign in again.",
      },
      { status: 401 },
    );
  if (!can(membership.role, permission))
    return NextResponse.json(
      { error: "forbidden", message: `Your role (${membership.role}) does not allow this.` },
      { status: 403 },
    );
  return { org: membership.org, user: membership.user, role: membership.role, sessionId };
}
