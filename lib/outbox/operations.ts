import "server-only";
import { z } from "zod";
import * as workos from "@/lib/integrations/workos";

/**
 * Every kind of outbound write Bosun makes, with the schema of its arguments
 * and how to carry it out. Each run must be safe to repeat: an intent can be
 * retried after a crash between the call and recording its result.
 */
type Operation<S extends z.ZodType> = { service: "jira" | "sentry" | "workos"; args: S; run: (args: z.output<S>) => Promise<unknown> };

function operation<S extends z.ZodType>(spec: Operation<S>): Operation<S> {
  return spec;
}

const role = z.enum(["admin", "manager", "member"]);
const membershipRef = z.object({ workosUserId: z.string(), workosOrgId: z.string() });

export const OPERATIONS = {
  "workos.invitation.send": operation({
    service: "workos",
    args: z.object({ email: z.email(), workosOrgId: z.string(), role, inviterWorkosUserId: z.string().optional() }),
    run: (args) => workos.sendInvitation(args),
  }),
  "workos.invitation.revoke": operation({
    service: "workos",
    args: z.object({ invitationId: z.string() }),
    run: ({ invitationId }) => workos.revokeInvitation(invitationId),
  }),
  "workos.membership.update_role": operation({
    service: "workos",
    args: membershipRef.extend({ role }),
    run: async ({ workosUserId, workosOrgId, role: next }) => {
      const membership = await workos.findMembership({ workosUserId, workosOrgId });
      if (!membership) throw Object.assign(new Error("The WorkOS membership no longer exists"), { status: 404 });
      return membership.role === next ? membership : workos.updateMembershipRole(membership.id, next);
    },
  }),
  "workos.membership.delete": operation({
    service: "workos",
    args: membershipRef,
    run: async (ref) => {
      const membership = await workos.findMembership(ref);
      // Already gone is the outcome we wanted.
      if (membership) await workos.deleteMembership(membership.id);
      return { deleted: true };
    },
  }),
  "workos.session.revoke": operation({
    service: "workos",
    args: z.object({ sessionId: z.string() }),
    run: async ({ sessionId }) => {
      await workos.revokeSession(sessionId);
      return { revoked: sessionId };
    },
  }),
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type OperationArgs<N extends OperationName> = z.input<(typeof OPERATIONS)[N]["args"]>;
