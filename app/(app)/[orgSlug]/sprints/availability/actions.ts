"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionContext, type ActionResult } from "@/lib/platform/actions/org-action";
import { can } from "@/lib/domain/permissions";
import { calendarDateSchema, checkAvailabilityDates } from "@/lib/domain/capacity";
import {
  addAvailabilityEntry,
  findAvailabilityEntryOwner,
  removeAvailabilityEntry,
  setMemberAllocation,
} from "@/lib/features/sprints";

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
    const added = await addAvailabilityEntry(ctx, {
      userId: input.userId,
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      note: input.note || null,
    });
    if (!added)
      return {
        ok: false,
        error: "That person is not an active member.",
        fieldErrors: { userId: "is not an active member" },
      };
    revalidatePath(`/${org.slug}/sprints/availability`);
    const what = input.kind === "time_off" ? "time off" : "on call";
    return { ok: true, data: { message: `Added ${what} for ${added.memberName}.` } };
  },
);

export const removeAvailabilityAction = orgAction(
  z.object({ id: z.string().min(1) }),
  "availability:edit-own",
  async (ctx): Promise<ActionResult<{ message: string }>> => {
    const { input, org } = ctx;
    const owner = await findAvailabilityEntryOwner({ orgId: org.id, id: input.id });
    if (!owner) return { ok: false, error: "That entry no longer exists." };
    if (!mayEdit(ctx, owner)) return { ok: false, error: "You can only change your own availability." };
    await removeAvailabilityEntry(ctx, input.id);
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
    const set = await setMemberAllocation(ctx, { userId: input.userId, allocationPercent: input.allocationPercent });
    if (!set) return { ok: false, error: "That person is not an active member." };
    revalidatePath(`/${org.slug}/sprints/availability`);
    return { ok: true, data: { message: `${set.memberName}: ${input.allocationPercent}%.` } };
  },
);
