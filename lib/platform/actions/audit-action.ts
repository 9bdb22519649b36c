import "server-only";
import { appendAuditEntry, type AuditEntryInput } from "@/lib/db/queries/audit-log";
import type { UserActor } from "@/lib/platform/actions/org-action";

export type { AuditEntryInput };

/** Who did it and in which request: the parts of an action's context every audit entry it writes carries. */
export type ActionWho = { org: { id: string }; actor: UserActor; requestId: string };

/** Appends the audit entry for what a server action did, in its org, by its caller, under its request id. */
export async function auditAction(
  { org, actor, requestId }: ActionWho,
  entry: Omit<AuditEntryInput, "orgId" | "actor" | "requestId">,
) {
  await appendAuditEntry({ orgId: org.id, actor, requestId, ...entry });
}
