"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/platform/actions/org-action";
import {
  changeMemberRole,
  changeRoleSchema,
  inviteMember,
  inviteSchema,
  reassignOpenIssues,
  reassignSchema,
  removeMember,
  removeMemberSchema,
  revokeInvitation,
  revokeInvitationSchema,
  type MemberWriteResult,
} from "@/lib/features/members";

/** After any change the members page shows the org as it now stands. */
function membersChanged(org: { slug: string }, result: MemberWriteResult): MemberWriteResult {
  revalidatePath(`/${org.slug}/settings/members`);
  return result;
}

export const inviteMemberAction = orgAction(inviteSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await inviteMember(ctx)),
);

export const revokeInvitationAction = orgAction(revokeInvitationSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await revokeInvitation(ctx)),
);

export const changeMemberRoleAction = orgAction(changeRoleSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await changeMemberRole(ctx)),
);

export const removeMemberAction = orgAction(removeMemberSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await removeMember(ctx)),
);

export const reassignOpenIssuesAction = orgAction(reassignSchema, "members:manage", async (ctx) =>
  membersChanged(ctx.org, await reassignOpenIssues(ctx)),
);
