import "server-only";
import { WorkOS } from "@workos-inc/node";
import { env } from "@/lib/platform/env";
import { toInvitation, toMembership, toSessionSummary, toUserSummary } from "./transform";
import type { WorkosInvitation, WorkosMembership, WorkosRole, WorkosSessionSummary, WorkosUserSummary } from "./types";

/**
 * WorkOS user management and MFA through the official SDK. Host, port and key
 * come from the same configuration AuthKit uses, so demo mode reaches the emulator.
 */
let instance: { client: WorkOS; config: typeof env.workos } | undefined;
function workos(): WorkOS {
  // Built again only when the configuration object changed (reloadEnv in tests); otherwise one client per process.
  if (instance?.config !== env.workos)
    instance = {
      config: env.workos,
      client: new WorkOS(env.workos.apiKey, {
        apiHostname: env.workos.apiHostname,
        https: env.workos.apiHttps,
        port: env.workos.apiPort,
        clientId: env.workos.clientId,
      }),
    };
  return instance.client;
}

/** The WorkOS user with this id, or null when WorkOS has none (deleted). Any other failure is thrown, to be retried. */
export async function findUser(workosUserId: string): Promise<WorkosUserSummary | null> {
  try {
    return toUserSummary(await workos().userManagement.getUser(workosUserId));
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}

export async function findMembership({
  workosUserId,
  workosOrgId,
}: {
  workosUserId: string;
  workosOrgId: string;
}): Promise<WorkosMembership | null> {
  const page = await workos().userManagement.listOrganizationMemberships({
    userId: workosUserId,
    organizationId: workosOrgId,
    statuses: ["active", "inactive", "pending"],
  });
  const membership = page.data[0];
  return membership ? toMembership(membership) : null;
}

export async function updateMembershipRole(membershipId: string, role: WorkosRole): Promise<WorkosMembership> {
  return toMembership(await workos().userManagement.updateOrganizationMembership(membershipId, { roleSlug: role }));
}

export async function deleteMembership(membershipId: string): Promise<void> {
  await workos().userManagement.deleteOrganizationMembership(membershipId);
}

export async function sendInvitation({
  email,
  workosOrgId,
  role,
  inviterWorkosUserId,
}: {
  email: string;
  workosOrgId: string;
  role: WorkosRole;
  inviterWorkosUserId?: string;
}): Promise<WorkosInvitation> {
  return toInvitation(
    await workos().userManagement.sendInvitation({
      email,
      organizationId: workosOrgId,
      roleSlug: role,
      inviterUserId: inviterWorkosUserId,
    }),
  );
}

/**
 * The pending invitation of this address to this organization, if any: how a
 * send whose answer was lost learns that WorkOS already made it (WorkOS refuses
 * a second pending invitation, and a retry must not fail over its own success).
 */
export async function findPendingInvitation({
  email,
  workosOrgId,
}: {
  email: string;
  workosOrgId: string;
}): Promise<WorkosInvitation | null> {
  const page = await workos().userManagement.listInvitations({ organizationId: workosOrgId, email, limit: 100 });
  const address = email.trim().toLowerCase();
  return (
    page.data
      .map(toInvitation)
      .find(
        (invitation) =>
          invitation.state === "pending" &&
          invitation.organizationId === workosOrgId &&
          invitation.email.toLowerCase() === address,
      ) ?? null
  );
}

export async function listPendingInvitations(workosOrgId: string): Promise<WorkosInvitation[]> {
  const page = await workos().userManagement.listInvitations({ organizationId: workosOrgId, limit: 100 });
  return page.data.map(toInvitation).filter((invitation) => invitation.state === "pending");
}

/**
 * The invitation, if it exists and belongs to this WorkOS organization; null
 * otherwise. The API key reaches every org's invitations, so an id alone
 * proves nothing: another org's invitation reads as missing.
 */
export async function findOrgInvitation({
  invitationId,
  workosOrgId,
}: {
  invitationId: string;
  workosOrgId: string;
}): Promise<WorkosInvitation | null> {
  try {
    const invitation = toInvitation(await workos().userManagement.getInvitation(invitationId));
    return invitation.organizationId === workosOrgId ? invitation : null;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}

export async function revokeInvitation(invitationId: string): Promise<WorkosInvitation> {
  return toInvitation(await workos().userManagement.revokeInvitation(invitationId));
}

/** Every active session of the user, over as many pages as WorkOS returns (deprovisioning must miss none). */
export async function listActiveSessions(workosUserId: string): Promise<WorkosSessionSummary[]> {
  const sessions: WorkosSessionSummary[] = [];
  let after: string | undefined;
  do {
    const page = await workos().userManagement.listSessions(workosUserId, { limit: 100, after });
    sessions.push(...page.data.map(toSessionSummary));
    after = page.listMetadata.after ?? undefined;
  } while (after);
  return sessions.filter((session) => session.status === "active");
}

export async function revokeSession(sessionId: string): Promise<void> {
  await workos().userManagement.revokeSession({ sessionId });
}

export async function hasAuthFactor(workosUserId: string): Promise<boolean> {
  const factors = await workos().multiFactorAuth.listUserAuthFactors({ userId: workosUserId });
  return factors.data.length > 0;
}

export async function enrollTotpFactor({
  workosUserId,
  issuer,
  accountName,
}: {
  workosUserId: string;
  issuer: string;
  accountName: string;
}) {
  const { authenticationFactor, authenticationChallenge } = await workos().multiFactorAuth.createUserAuthFactor({
    userId: workosUserId,
    type: "totp",
    totpIssuer: issuer,
    totpUser: accountName,
  });
  return {
    factorId: authenticationFactor.id,
    challengeId: authenticationChallenge.id,
    secret: authenticationFactor.totp.secret,
    uri: authenticationFactor.totp.uri,
    qrCode: authenticationFactor.totp.qrCode,
  };
}

/** Deletes every factor of the user (an admin's reset); returns how many were deleted. */
export async function deleteAllFactors(workosUserId: string): Promise<number> {
  let deleted = 0;
  for (const factorId of await listFactorIds(workosUserId)) {
    try {
      await workos().multiFactorAuth.deleteFactor(factorId);
      deleted += 1;
    } catch (error) {
      if ((error as { status?: unknown }).status !== 404) throw error;
    }
  }
  return deleted;
}

export async function challengeFactor(factorId: string): Promise<string> {
  return (await workos().multiFactorAuth.challengeFactor({ authenticationFactorId: factorId })).id;
}

export async function listFactorIds(workosUserId: string): Promise<string[]> {
  return (await workos().multiFactorAuth.listUserAuthFactors({ userId: workosUserId })).data.map((factor) => factor.id);
}

export async function verifyChallenge(
  challengeId: string,
  code: string,
): Promise<{ valid: boolean; factorId: string }> {
  const { valid, challenge } = await workos().multiFactorAuth.verifyChallenge({
    authenticationChallengeId: challengeId,
    code,
  });
  return { valid, factorId: challenge.authenticationFactorId };
}

/**
 * A directory group's WorkOS organization and the e-mail addresses of its active members (every page), or null
 * when WorkOS has no such group. The caller checks the organization before trusting the list: one API key
 * reaches every organization's directories.
 */
export async function readDirectoryGroupMembers(
  groupId: string,
): Promise<{ organizationId: string | null; name: string; emails: string[] } | null> {
  let group: Awaited<ReturnType<WorkOS["directorySync"]["getGroup"]>>;
  try {
    group = await workos().directorySync.getGroup(groupId);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
  const users = await (await workos().directorySync.listUsers({ group: groupId, limit: 100 })).autoPagination();
  const emails = users
    .filter((user) => user.state === "active" && user.email)
    .map((user) => (user.email as string).toLowerCase());
  return { organizationId: group.organizationId ?? null, name: group.name, emails: [...new Set(emails)] };
}
