import "server-only";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import { getSignInUrl, switchToOrganization, withAuth } from "@workos-inc/authkit-nextjs";
import { findActiveMembership } from "@/lib/db/system/memberships";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { ORG_SLUG } from "./org-slug";

/** Where requireOrg sends a session that is in another org than the one in the URL. */
export function buildSwitchPath(orgSlug: string, returnTo: string): string {
  return `/switch-org?${new URLSearchParams({ org: orgSlug, returnTo })}`;
}

/**
 * A same-site path inside the org, or the org's home. After the switch the
 * browser lands here, so anything else (another host, another org) is dropped.
 */
export function resolveReturnTo(orgSlug: string, returnTo: string | null | undefined): string {
  const home = `/${orgSlug}`;
  if (!returnTo || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.includes("\\")) return home;
  const base = "http://bosun.invalid";
  let url: URL;
  try {
    url = new URL(returnTo, base);
  } catch {
    return home;
  }
  if (url.origin !== base) return home;
  const path = `${url.pathname}${url.search}`;
  // Compared after normalisation, so /acme/../globex counts as globex.
  return url.pathname === home || url.pathname.startsWith(`${home}/`) ? path : home;
}

/**
 * Moves the WorkOS session into the org with this slug and opens `returnTo`.
 * WorkOS applies that org's policies on the way (SSO required, MFA enrolment),
 * sending the browser through its own page first when one applies. Outsiders
 * get the same 404 as for an org that does not exist.
 */
export async function switchSessionToOrg({
  orgSlug,
  returnTo,
}: {
  orgSlug: string;
  returnTo?: string | null;
}): Promise<never> {
  if (!ORG_SLUG.test(orgSlug)) notFound();
  const target = resolveReturnTo(orgSlug, returnTo);
  const { user } = await withAuth();
  if (!user) redirect(`/sign-in?returnTo=${encodeURIComponent(target)}`);
  const membership = await findActiveMembership({ orgSlug, workosUserId: user.id });
  if (!membership) notFound();
  try {
    await switchToOrganization(membership.org.workosOrgId, { returnTo: target });
  } catch (error) {
    unstable_rethrow(error);
    if (!isSessionRefused(error)) throw error;
    // WorkOS would not move this session (ended there, or the membership is gone there): sign in afresh,
    // straight into this org, so WorkOS answers for it on its own page instead of signing into another org.
    logger.warn({ org: orgSlug, error: (error as Error).message }, "org switch refused; signing in again");
    redirect(
      await getSignInUrl({
        organizationId: membership.org.workosOrgId,
        returnTo: target,
        redirectUri: env.workos.redirectUri,
      }),
    );
  }
  // switchToOrganization redirects; reaching here means it was told not to.
  redirect(target);
}

/** AuthKit's refresh error for an answer WorkOS will repeat (not a timeout or an outage). */
function isSessionRefused(error: unknown): boolean {
  return (
    error instanceof Error && error.name === "TokenRefreshError" && !(error as { isTransient?: boolean }).isTransient
  );
}
