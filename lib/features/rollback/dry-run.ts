import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { findRollbackGateById } from "@/lib/db/queries/rollback-gates";
import { canDecideRollback, rollbackIdempotencyKey, signRollbackRequest } from "@/lib/domain/rollback";
import { getRollbackHookConfig } from "@/lib/integrations/deploy";
import { rollbackBodyFor, type Decider } from "./decide";

export type DryRun = { method: "POST"; url: string; headers: Record<string, string>; body: string };

export type DryRunResult = { ok: true; data: DryRun } | { ok: false; error: string };

/**
 * Exactly what approving now would send: the URL, the headers with a real signature for this moment, and the
 * body with the caller as approver. The secret itself is never part of it (only the HMAC it makes). Nothing is
 * sent; the dry run is audited, since it shows a request the hook would accept for a few minutes.
 */
export async function dryRunRollback(decider: Decider, gateId: string, now = new Date()): Promise<DryRunResult | null> {
  if (!canDecideRollback(decider.role))
    return {
      ok: false,
      error: `Your role (${decider.role}) does not allow this: managers and admins decide rollbacks.`,
    };
  const gate = await findRollbackGateById({ orgId: decider.orgId, gateId });
  if (!gate) return null;
  const hook = await getRollbackHookConfig({ orgId: decider.orgId });
  if (!hook)
    return { ok: false, error: "No rollback hook is connected: an admin sets one in Settings → Integrations." };
  const body = rollbackBodyFor(gate, decider, now);
  const signed = signRollbackRequest({
    secret: hook.secret,
    body,
    idempotencyKey: rollbackIdempotencyKey(gate.id),
    at: now,
  });
  await appendAuditEntry({
    orgId: decider.orgId,
    actor: { type: "user", id: decider.user.id, label: decider.user.email },
    action: "rollback.dry_run",
    target: { type: "rollback_gate", id: gate.id },
    summary: `Previewed the rollback request for ${gate.release} in ${gate.environment} (nothing sent)`,
    changes: { url: hook.url },
    requestId: decider.requestId,
  });
  return { ok: true, data: { method: "POST", url: hook.url, headers: signed.headers, body: signed.body } };
}
