"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { orgAction, type ActionContext } from "@/lib/platform/actions/org-action";
import { approveRollback, dismissRollback, dryRunRollback, type Decider } from "@/lib/features/rollback";

/*
 * A release page's rollback decisions. Any member reaches the action (the org is resolved and checked by
 * orgAction); the feature lets only managers and admins decide, and a gate of another org is a 404.
 */
const gateRef = z.object({ gateId: z.string().min(1, "is required").max(64, "is not a gate id") });

const deciderOf = ({ org, role, user, requestId }: ActionContext<unknown>): Decider => ({
  orgId: org.id,
  orgSlug: org.slug,
  orgName: org.name,
  role,
  user: { id: user.id, name: user.name, email: user.email },
  requestId,
});

export const approveRollbackAction = orgAction(gateRef, "dashboards:view", async (context) => {
  const result = await approveRollback(deciderOf(context), context.input.gateId);
  if (!result) notFound();
  revalidatePath(`/${context.org.slug}/releases`, "layout");
  return result;
});

export const dismissRollbackAction = orgAction(
  gateRef.extend({
    reason: z.string().trim().min(3, "say why the rollback is dismissed").max(1000, "must be at most 1000 characters"),
  }),
  "dashboards:view",
  async (context) => {
    const result = await dismissRollback(deciderOf(context), context.input);
    if (!result) notFound();
    revalidatePath(`/${context.org.slug}/releases`, "layout");
    return result;
  },
);

export const dryRunRollbackAction = orgAction(gateRef, "dashboards:view", async (context) => {
  const result = await dryRunRollback(deciderOf(context), context.input.gateId);
  if (!result) notFound();
  return result;
});
