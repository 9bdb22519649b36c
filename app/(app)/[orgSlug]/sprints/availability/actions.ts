"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionContext, type ActionResult } from "@/lib/platform/actions/org-action";
import { can } from "@/lib/domain/permissions";
import { addAvailability, deleteAvailability, findAvailability, setAllocation } from "@/lib/db/queries/availability";
import { auditAction } from "@/app/(app)/[orgSlug]/audit-action";
import { findMember } from "@/lib/db/queries/memberships";
import { calendarDateSchema, checkAvailabilityDates } from "@/lib/domain/capacity";

/** Managers and admins edit anyone's availability; everyone else only their own. */
function mayEdit(ctx: ActionContext<unknown>, userId: string) {
  return userId === ctx.user.id || can(ctx.role, "availability:edit-team");
}

const addSchema = z
  .object({
    userId: z.string().min(1),
    kind: z.enum(["time_off", "on_call"], { error: "must be time off or on call" }),
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema,
    note: z.string().trim().max(200).optional(),
  })
  .superRefine(checkAvailabilityDates);

export const addAvailabilityAction = orgAction(
  addSchema,
  "availability:edit-own",
  async (ctx): Promise<ActionResult<{ message: string }>> => {
    const { input, org } = ctx;
    if (!mayEdit(ctx, input.userId)) return { ok: false, error: "You can only change your own availability." };
    const member = await findMember({ orgId: org.id, userId: input.userId });
    if (!member || member.status !== "active")
      return {
        ok: false,
        error: "That person is not an active member.",
        fieldErrors: { userId: "is not an active member" },
      };
    await addAvailability({
      orgId: org.id,
      membershipId: member.id,
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      note: input.note || null,
    });
    const what = input.kind === "time_off" ? "time off" : "on call";
    await auditAction(ctx, {
      action: "availability.added",
      target: { type: "user", id: member.user.id },
      summary: `${member.user.name}: ${what} ${input.startsOn} to ${input.endsOn}`,
    });
    revalidatePath(`/${org.slug}/sprints/availability`);
    return { ok: true, data: { message: `Added ${what} for ${member.user.name}.` } };
  },
);

export const removeAvailabilityAction = orgAction(
  z.object({ id: z.string().min(1) }),
  "availability:edit-own",
  async (ctx): Promise<ActionResult<{ message: string }>> => {
    const { input, org } = ctx;
    const entry = await findAvailability({ orgId: org.id, id: input.id });
    if (!entry) return { ok: false, error: "That entry no longer exists." };
    if (!mayEdit(ctx, entry.membership.userId))
      return { ok: false, error: "You can only change your own availability." };
    await deleteAvailability({ orgId: org.id, id: input.id });
    await auditAction(ctx, {
      action: "availability.removed",
      target: { type: "availability", id: input.id },
      summary: "Removed a time-off or on-call entry",
    });
    revalidatePath(`/${org.slug}/sprints/availability`);
    return { ok: true, data: { message: "Removed." } };
  },
);

export const setAllocationAction = orgAction(
  z.object({
    userId: z.string().min(1),
    allocationPercent: z
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be between 0 and 100")
      .max(100, "must be between 0 and 100"),
  }),
  "availability:edit-team",
  async (ctx): Promise<ActionResult<{ message: string }>> => {
    const { input, org } = ctx;
    const member = await findMember({ orgId: org.id, userId: input.userId });
    if (!member || member.status !== "active") return { ok: false, error: "That person is not an active member." };
    await setAllocation({ orgId: org.id, userId: input.userId, allocationPercent: input.allocationPercent });
    await auditAction(ctx, {
      action: "availability.allocation_set",
      target: { type: "user", id: member.user.id },
      summary: `${member.user.name} is allocated ${input.allocationPercent}% to sprint work`,
    });
    revalidatePath(`/${org.slug}/sprints/availability`);
    return { ok: true, data: { message: `${member.user.name}: ${input.allocationPercent}%.` } };
  },
);
