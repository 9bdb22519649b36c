import type { Router } from "../../common/http";
import type { WorkosContext } from "../context";
import { apiRoute, readBody, stringField, workosError } from "../http-helpers";
import { newId, newSecret } from "../ids";
import { findMembership, findRole, findUserByEmail } from "../store";
import { serializeInvitation } from "../serializers";
import type { InvitationRecord } from "../types";
import { registerGetById, registerList, resource } from "./resource-routes";

const DAY_MS = 86_400_000;

/** Pending invitations past their expiry read as expired, as WorkOS reports them. */
export function refreshInvitationState(invitation: InvitationRecord) {
  if (invitation.state === "pending" && Date.parse(invitation.expiresAt) < Date.now()) invitation.state = "expired";
  return invitation;
}

export function registerInvitationRoutes(router: Router, context: WorkosContext) {
  const serialize = (i: InvitationRecord) => serializeInvitation(refreshInvitationState(i), context.config.baseUrl);
  const invitations = resource("Invitation", (store) => store.invitations, serialize);

  // GET /user_management/invitations - filter by organization_id and email
  registerList(router, context, "/user_management/invitations", invitations, (req, store) => {
    const organizationId = req.query.get("organization_id");
    const email = req.query.get("email")?.trim().toLowerCase();
    return store.invitations
      .all()
      .filter((i) => (!organizationId || i.organizationId === organizationId) && (!email || i.email === email));
  });

  // GET /user_management/invitations/:id
  registerGetById(router, context, "/user_management/invitations/:id", invitations);

  // POST /user_management/invitations - invite an e-mail address (optionally into an organisation with a role)
  router.post(
    "/user_management/invitations",
    apiRoute(context, async (req) => {
      const { store } = context;
      const body = readBody(req);
      const email = stringField(body, "email")?.trim().toLowerCase();
      if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        return workosError(422, "email must be a valid e-mail address.", "invalid_request_parameters");
      const organizationId = stringField(body, "organization_id") ?? null;
      if (organizationId && !store.organizations.get(organizationId))
        return workosError(404, `Organization '${organizationId}' not found.`);
      const roleSlug = stringField(body, "role_slug") ?? null;
      if (roleSlug && (!organizationId || !findRole(store, organizationId, roleSlug)))
        return workosError(400, `Role '${roleSlug}' does not exist.`, "invalid_role");
      const days = body.expires_in_days === undefined ? 7 : Number(body.expires_in_days);
      if (!Number.isInteger(days) || days < 1)
        return workosError(400, "expires_in_days must be at least 1.", "expires_in_days_too_short");
      if (days > 30) return workosError(400, "expires_in_days must be at most 30.", "expires_in_days_too_long");
      const inviterUserId = stringField(body, "inviter_user_id") ?? null;
      if (inviterUserId && !store.users.get(inviterUserId))
        return workosError(404, `User '${inviterUserId}' not found.`);
      const existingUser = findUserByEmail(store, email);
      if (organizationId && existingUser && findMembership(store, existingUser.id, organizationId)) {
        return workosError(
          400,
          `${email} is already a member of this organization.`,
          "user_already_organization_member",
        );
      }
      if (!organizationId && existingUser)
        return workosError(400, `A user with e-mail ${email} already exists.`, "user_already_exists");
      const duplicate = store.invitations
        .all()
        .some(
          (i) =>
            refreshInvitationState(i).state === "pending" && i.email === email && i.organizationId === organizationId,
        );
      if (duplicate) {
        return organizationId
          ? workosError(
              400,
              `${email} already has a pending invitation to this organization.`,
              "email_already_invited_to_organization",
            )
          : workosError(400, `${email} already has a pending invitation.`, "email_already_invited");
      }
      const now = Date.now();
      const invitation = store.invitations.insert({
        id: newId("invitation", now),
        email,
        state: "pending",
        acceptedAt: null,
        revokedAt: null,
        expiresAt: new Date(now + days * DAY_MS).toISOString(),
        organizationId,
        inviterUserId,
        acceptedUserId: null,
        roleSlug: organizationId ? (roleSlug ?? "member") : null,
        token: newSecret(18),
        createdAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
      });
      const { token: _token, accept_invitation_url: _url, ...eventData } = serialize(invitation);
      await context.emit("invitation.created", eventData, organizationId);
      return { status: 201, body: serialize(invitation) };
    }),
  );

  // POST /user_management/invitations/:id/revoke
  router.post(
    "/user_management/invitations/:id/revoke",
    apiRoute(context, async (req) => {
      const invitation = context.store.invitations.get(req.params.id as string);
      if (!invitation) return workosError(404, `Invitation '${req.params.id}' not found.`);
      if (refreshInvitationState(invitation).state !== "pending")
        return workosError(400, `Invitation is ${invitation.state}, not pending.`, "invite_not_pending");
      const now = new Date().toISOString();
      invitation.state = "revoked";
      invitation.revokedAt = now;
      invitation.updatedAt = now;
      const { token: _token, accept_invitation_url: _url, ...eventData } = serialize(invitation);
      await context.emit("invitation.revoked", eventData, invitation.organizationId);
      return { status: 200, body: serialize(invitation) };
    }),
  );
}
