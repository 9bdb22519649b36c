// GET /switch-org?org=<slug>&returnTo=<path> - moves the session into the org in the URL, through WorkOS.
import { switchSessionToOrg } from "@/lib/platform/auth/switch-org";

/**
 * requireOrg sends a session here when the page's org is not the org the
 * session is in. The switch only ever moves a member between their own orgs
 * (what opening the other org's page asks for anyway), so a GET is safe;
 * router prefetches are answered without switching.
 */
export async function GET(request: Request) {
  if (request.headers.get("next-router-prefetch") !== null) return new Response(null, { status: 204 });
  const params = new URL(request.url).searchParams;
  return switchSessionToOrg({ orgSlug: params.get("org") ?? "", returnTo: params.get("returnTo") });
}
