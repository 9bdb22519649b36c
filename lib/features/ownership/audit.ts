import "server-only";
import { appendAuditEntry, type AuditEntryInput } from "@/lib/db/queries/audit-log";

/** Who made an ownership change: a person through an action, or directory sync. */
export type ChangeAuthor = { actor: AuditEntryInput["actor"]; requestId?: string | null };

export async function auditOwnershipChange(
  orgId: string,
  { actor, requestId }: ChangeAuthor,
  entry: Omit<AuditEntryInput, "orgId" | "actor" | "requestId">,
) {
  await appendAuditEntry({ orgId, actor, requestId: requestId ?? null, ...entry });
}
