"use server";

import { orgAction } from "@/lib/platform/actions/org-action";
import { refreshAfter } from "@/lib/platform/actions/refresh-after";
import * as members from "@/lib/features/members";

/** After any change, refused ones included, the members page shows the org as it now stands. */
const membersPage = (org: { slug: string }) => `/${org.slug}/settings/members`;

export const inviteMemberAction = orgAction(members.inviteSchema, "members:manage", async (ctx) =>
  refreshAfter(membersPage(ctx.org), await members.inviteMember(ctx)),
);

export const revokeInvitationAction = orgAction(members.revokeInvitationSchema, "members:manage", async (ctx) =>
  refreshAfter(membersPage(ctx.org), await members.revokeInvitation(ctx)),
);

export const changeMemberRoleAction = orgAction(members.changeRoleSchema, "members:manage", async (ctx) =>
  refreshAfter(membersPage(ctx.org), await members.changeMemberRole(ctx)),
);

export const removeMemberAction = orgAction(members.removeMemberSchema, "members:manage", async (ctx) =>
  refreshAfter(membersPage(ctx.org), await members.removeMember(ctx)),
);

export const reassignOpenIssuesAction = orgAction(members.reassignSchema, "members:manage", async (ctx) =>
  refreshAfter(membersPage(ctx.org), await members.reassignOpenIssues(ctx)),
);
