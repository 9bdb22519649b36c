import { z } from "zod";

/**
 * What the services' writes answer, as the outbox stores it (JSON): each
 * operation's result is checked against its schema when it is recorded and
 * when it is read back, so a caller gets the shape it was promised or a clear
 * error — never a stored value that only looks like it.
 */
const role = z.enum(["admin", "manager", "member"]);

export const workosInvitation = z.object({
  id: z.string(),
  email: z.string(),
  state: z.enum(["pending", "accepted", "expired", "revoked"]),
  organizationId: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const workosMembership = z.object({
  id: z.string(),
  userId: z.string(),
  organizationId: z.string(),
  role,
  status: z.enum(["active", "inactive", "pending"]),
  directoryManaged: z.boolean(),
});

export const jiraSprint = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.enum(["future", "active", "closed"]),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  completeDate: z.string().nullable(),
  goal: z.string().nullable(),
});

export const jiraCreatedIssue = z.object({ id: z.string(), key: z.string() });

export const jiraBulkResult = z.object({
  created: z.array(z.object({ index: z.number().int(), id: z.string(), key: z.string() })),
  errors: z.array(z.object({ index: z.number().int(), message: z.string() })),
});

export const jiraTransition = z.object({
  issueKey: z.string(),
  from: z.string(),
  to: z.string(),
  steps: z.array(z.string()),
  note: z.string(),
});

export const jiraComment = z.object({ issueKey: z.string(), commentId: z.string(), existing: z.boolean() });

export const jiraAdminWebhook = z.object({ self: z.string(), created: z.boolean() });
