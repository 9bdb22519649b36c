import type { EmulatorResponse, Router } from "../../common/http";
import { parseForm } from "../../common/http";
import type { WorkosContext } from "../context";
import { newId } from "../ids";
import { findUserByEmail, insertUser } from "../store";
import { serializeInvitation, serializeMembershipEventData, serializeUser } from "../serializers";
import { renderAcceptInvitation, renderMessage } from "../sign-in-page";
import { refreshInvitationState } from "./invitations";

const html = (status: number, body: string): EmulatorResponse => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  body,
});

/** The hosted page behind `accept_invitation_url`: the invitee sets a name and password. */
export function registerInvitePageRoutes(router: Router, context: WorkosContext) {
  const findPending = (token: string | null) => {
    const invitation = token ? context.store.invitations.all().find((i) => i.token === token) : undefined;
    if (!invitation) return { error: "This invitation link is not valid." };
    if (refreshInvitationState(invitation).state !== "pending")
      return { error: `This invitation has been ${invitation.state}.` };
    return { invitation };
  };
  const orgName = (id: string | null) => (id ? (context.store.organizations.get(id)?.name ?? null) : null);

  // GET /invite - invitation acceptance form
  router.get("/invite", (req) => {
    const found = findPending(req.query.get("invitation_token"));
    if (!found.invitation) return html(404, renderMessage("Invitation unavailable", found.error as string));
    const { invitation } = found;
    return html(
      200,
      renderAcceptInvitation({
        action: "/invite",
        token: invitation.token,
        email: invitation.email,
        organizationName: orgName(invitation.organizationId),
      }),
    );
  });

  // POST /invite - creates the user (and membership) and marks the invitation accepted
  router.post("/invite", async (req) => {
    const form = parseForm(req);
    const found = findPending(form.get("invitation_token"));
    if (!found.invitation) return html(404, renderMessage("Invitation unavailable", found.error as string));
    const { invitation } = found;
    const firstName = form.get("first_name")?.trim() ?? "";
    const lastName = form.get("last_name")?.trim() ?? "";
    const password = form.get("password") ?? "";
    if (!firstName || !lastName || password.length < 8) {
      const error = "Enter your first and last name and a password of at least 8 characters.";
      return html(
        400,
        renderAcceptInvitation({
          action: "/invite",
          token: invitation.token,
          email: invitation.email,
          organizationName: orgName(invitation.organizationId),
          error,
        }),
      );
    }
    const now = new Date().toISOString();
    let user = findUserByEmail(context.store, invitation.email);
    if (!user) {
      user = {
        id: newId("user"),
        email: invitation.email,
        firstName,
        lastName,
        emailVerified: true,
        externalId: null,
        metadata: {},
        lastSignInAt: null,
        createdAt: now,
        updatedAt: now,
        password,
      };
      insertUser(context.store, user);
      await context.emit("user.created", serializeUser(user), null);
    }
    if (invitation.organizationId) {
      const membership = context.store.memberships.insert({
        id: newId("om"),
        userId: user.id,
        organizationId: invitation.organizationId,
        roleSlug: invitation.roleSlug ?? "member",
        status: "active",
        directoryManaged: false,
        createdAt: now,
        updatedAt: now,
      });
      await context.emit(
        "organization_membership.created",
        serializeMembershipEventData(membership),
        membership.organizationId,
      );
    }
    invitation.state = "accepted";
    invitation.acceptedAt = now;
    invitation.acceptedUserId = user.id;
    invitation.updatedAt = now;
    const {
      token: _token,
      accept_invitation_url: _url,
      ...eventData
    } = serializeInvitation(invitation, context.config.baseUrl);
    await context.emit("invitation.accepted", eventData, invitation.organizationId);
    return html(
      200,
      renderMessage("Invitation accepted", `Your account ${invitation.email} is ready. Sign in from the application.`),
    );
  });
}
