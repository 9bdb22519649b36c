import { buildWorld, type OrgSlug } from "@/emulators/seed/world";

/**
 * What a mocked `withAuth()` hands back in tests that call real actions and
 * routes: the WorkOS user, the session id, and the organization the session is
 * in (the access token's `org_id`). requireOrg admits a session only into the
 * org it is in, so a test signing someone in names that org too.
 */
export type MockAuthkitSession = {
  user: { id: string; email: string } | null;
  sessionId: string;
  organizationId?: string;
  accessToken?: string;
};

const world = buildWorld();

/**
 * The session of a demo person signed in under `orgSlug`, or under their first
 * org when none is named (the org WorkOS picks for a single-org sign-in).
 */
export function demoSession(personKey: string, orgSlug?: OrgSlug): MockAuthkitSession {
  const person = world.people.find((p) => p.key === personKey);
  if (!person) throw new Error(`No demo person '${personKey}'`);
  const slug = orgSlug ?? person.memberships[0]?.org;
  const org = world.orgs.find((o) => o.slug === slug);
  return {
    user: { id: person.workosUserId, email: person.email },
    sessionId: `session_${personKey}`,
    organizationId: org?.workosOrgId,
  };
}

/** The WorkOS organization id of a demo org. */
export function demoWorkosOrgId(orgSlug: OrgSlug): string {
  const org = world.orgs.find((o) => o.slug === orgSlug);
  if (!org) throw new Error(`No demo org '${orgSlug}'`);
  return org.workosOrgId;
}
