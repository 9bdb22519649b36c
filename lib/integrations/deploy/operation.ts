import "server-only";
import { z } from "zod";
import { signRollbackRequest } from "@/lib/domain/rollback";
import { getRollbackHookConfig } from "./connection";
import { sendRollbackRequest } from "./client";

/**
 * The outbox operation `deploy.rollback`: the body was fixed at approval and is stored with the intent; the
 * secret is read from the org's hook when the request is sent (never stored with the intent), and the
 * timestamp and signature are made fresh for each try, while the Idempotency-Key is the intent's own key.
 */
export const rollbackRequestArgs = z.object({
  gateId: z.string().min(1),
  url: z.url(),
  body: z.string().min(2).max(20_000),
});

export const rollbackRequestResult = z.object({ status: z.number().int(), body: z.string() });

export async function runRollbackRequest(
  { url, body }: z.output<typeof rollbackRequestArgs>,
  { orgId, idempotencyKey, now = new Date() }: { orgId: string; idempotencyKey: string; now?: Date },
): Promise<z.input<typeof rollbackRequestResult>> {
  const hook = await getRollbackHookConfig({ orgId });
  if (!hook) throw Object.assign(new Error("No rollback hook is connected for this organization"), { status: 412 });
  // The secret belongs to the address it was entered with; a hook moved since the approval is not sent to.
  if (hook.url !== url)
    throw Object.assign(
      new Error(
        `The rollback hook's URL changed after the approval (it was ${url}), so nothing was sent; approve again`,
      ),
      { status: 412 },
    );
  const signed = signRollbackRequest({ secret: hook.secret, body, idempotencyKey, at: now });
  return sendRollbackRequest({ url, headers: signed.headers, body, timeoutMs: hook.timeoutSeconds * 1000 });
}
