import { z } from "zod";

/** The WorkOS event envelope and the event payloads Bosun acts on. */
export const workosEventSchema = z.object({
  id: z.string().min(1),
  event: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  created_at: z.string(),
});

export type WorkosEvent = z.infer<typeof workosEventSchema>;

export const userEventData = z.object({
  id: z.string(),
  email: z.string(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});

export const membershipEventData = z.object({
  id: z.string(),
  user_id: z.string(),
  organization_id: z.string(),
  status: z.enum(["active", "inactive", "pending"]),
  role: z.object({ slug: z.string() }).nullish(),
  directory_managed: z.boolean().optional(),
});

export const directoryUserEventData = z.object({
  id: z.string(),
  organization_id: z.string().nullish(),
  email: z.string().nullish(),
  emails: z.array(z.object({ primary: z.boolean().optional(), value: z.string() })).optional(),
  state: z.string(),
});

/** Where an event belongs, for recording the delivery against the right org. */
export function eventOrganizationId(event: WorkosEvent): string | null {
  const value = event.data.organization_id;
  return typeof value === "string" ? value : null;
}

export function primaryEmail(user: z.infer<typeof directoryUserEventData>): string | null {
  return user.email ?? user.emails?.find((e) => e.primary)?.value ?? user.emails?.[0]?.value ?? null;
}

/** WorkOS membership status → Bosun's. */
export function toMembershipStatus(status: "active" | "inactive" | "pending"): "active" | "deactivated" | "invited" {
  return status === "active" ? "active" : status === "inactive" ? "deactivated" : "invited";
}
