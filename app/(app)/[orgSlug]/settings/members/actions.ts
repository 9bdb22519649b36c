"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/platform/actions/org-action";
import * as members from "@/lib/features/members";

/** After any change the members page shows the org as it now stands. */
function membersChanged(org: { slug: string }, result: members.MemberWriteResult): members.MemberWriteResult {
  revalidatePath(`/${org.slug}/settings/members`);
  return result;
}

export const inviteMemberAction = orgAction(members.inviteSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await members.inviteMember(ctx)),
);

export const revokeInvitationAction = orgAction(members.revokeInvitationSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await members.revokeInvitation(ctx)),
);

export const changeMemberRoleAction = orgAction(members.changeRoleSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await members.changeMemberRole(ctx)),
);

export const removeMemberAction = orgAction(members.removeMemberSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await members.removeMember(ctx)),
);

export const reassignOpenIssuesAction = orgAction(members.reassignSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await members.reassignOpenIssues(ctx)),
);
