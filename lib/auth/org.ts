import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import * as Sentry from "@sentry/nextjs";
import { withAuth } from "@workos-inc/authkit-nextjs";
import { findActiveMembership } from "@/lib/db/queries/memberships";
import type { Role } from "@/lib/db/generated/enums";

export type OrgContext = {
  org: { id: string; slug: string; name: string; workosOrgId: string };
  user: { id: string; workosUserId: string; email: string; name: string };
  role: Role;
};

/**
 * Resolves the org named in the URL for the signed-in user, or answers 404.
 * Every page, action and route that touches org data calls this; a check in a
 * layout alone is not enough. Non-members get the same 404 as a missing org,
 * so outsiders cannot tell an org exists. Cached per request.
 */
export const requireOrg = cache(async (orgSlug: string): Promise<OrgContext> => {
  const { user: sessionUser } = await withAuth();
  // proxy.ts sends signed-out page views to sign in; this covers a session that ended mid-navigation.
  if (!sessionUser) redirect(`/sign-in?returnTo=${encodeURIComponent(`/${orgSlug}`)}`);
  const membership = await findActiveMembership({ orgSlug, workosUserId: sessionUser.id });
  if (!membership) notFound();

  Sentry.setTags({ org: membership.org.slug, role: membership.role });
  Sentry.setUser({ id: membership.user.id });
  return { org: membership.org, user: membership.user, role: membership.role };
});
