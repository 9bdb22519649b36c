"use server";

import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/platform/actions/org-action";
import { resetMemberMfa, resetMfaSchema } from "@/lib/features/members";

/** Resets a member's two-step verification (see `resetMemberMfa` for who may). */
export const resetMemberMfaAction = orgAction(resetMfaSchema, "members:manage", async (ctx) => {
  const result = await resetMemberMfa(ctx);
  if (result.ok) revalidatePath(`/${ctx.org.slug}/settings/members`);
  return result;
});
