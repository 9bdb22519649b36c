"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/platform/actions/org-action";
import { eraseDepartedMemberData, eraseSchema } from "@/lib/features/members";

/** Erases the personal data of someone who has left this organization, once the admin confirmed their address. */
export const eraseDepartedMemberAction = orgAction(eraseSchema, "members:manage", async (ctx) => {
  const result = await eraseDepartedMemberData(ctx);
  if (result.ok) revalidatePath(`/${ctx.org.slug}/settings/members`);
  return result;
});
