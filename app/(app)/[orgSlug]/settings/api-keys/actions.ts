"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionResult } from "@/lib/platform/actions/org-action";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";
import { mintApiKey, revokeOrgApiKey } from "@/lib/features/api-keys";
import { grantableRoles } from "@/lib/domain/api-keys/policy";
import {
  EMPTY_KEY_VALUES as EMPTY,
  readCreateKeyForm,
  withFormValues,
  type CreateKeyFormResult,
  type CreatedKey,
  type KeyRole,
  type KeyScope,
} from "./create-key-state";

const createSchema = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  scope: z.enum(["read", "read_write"], { error: "must be read or read & write" }),
  role: z.enum(["admin", "manager", "member"], { error: "must be admin, manager or member" }),
});

/**
 * Creates a key and hands back the full key, the only time it ever leaves the
 * server. A key has no session to step up, so its bulk writes are allowed: in
 * an org that requires MFA it can only be minted right after a step-up.
 */
export const createApiKeyAction = orgAction(
  createSchema,
  "api-keys:manage",
  async (ctx): Promise<ActionResult<CreatedKey>> => {
    const { input, org, role, sessionId } = ctx;
    const stepUp = await requireRecentSecondFactor({ org, sessionId }, `/${org.slug}/settings/api-keys`);
    if (stepUp) return stepUp;
    if (!grantableRoles(role).includes(input.role)) {
      const message = `cannot be above your own role (${role})`;
      return { ok: false, error: `role: ${message}`, fieldErrors: { role: message } };
    }
    const { key, prefix, name } = await mintApiKey(ctx, { name: input.name, scope: input.scope, role: input.role });
    revalidatePath(`/${org.slug}/settings/api-keys`);
    return {
      ok: true,
      data: { status: "succeeded", message: `API key "${name}" created.`, key, prefix, name },
    };
  },
);

/**
 * The create form's action (for useActionState): the one-time key comes back
 * in the returned state, so the page shows it from the action's result even
 * when the form was sent before the page hydrated or the page rendered again.
 */
export async function createApiKeyFormAction(
  _previous: CreateKeyFormResult | null,
  formData: FormData,
): Promise<CreateKeyFormResult> {
  if (!(formData instanceof FormData))
    return { ok: false, error: "input: must be a form", fieldErrors: { input: "must be a form" }, values: EMPTY };
  const { orgSlug, values } = readCreateKeyForm(formData);
  // The action's schema checks scope and role; the form only carries them as text.
  const result = await createApiKeyAction({
    orgSlug,
    name: values.name,
    scope: values.scope as KeyScope,
    role: values.role as KeyRole,
  });
  return withFormValues(result, values);
}

/** Revokes one of this org's keys at once; revoking twice is fine and audited once. */
export const revokeApiKeyAction = orgAction(
  z.object({ keyId: z.string().min(1).max(64) }),
  "api-keys:manage",
  async (ctx): Promise<ActionResult<{ status: "succeeded"; message: string }>> => {
    const { input, org } = ctx;
    const outcome = await revokeOrgApiKey(ctx, input.keyId);
    if (outcome.status === "not_found")
      return { ok: false, error: "That API key does not exist in this organization." };
    revalidatePath(`/${org.slug}/settings/api-keys`);
    return {
      ok: true,
      data: {
        status: "succeeded",
        message:
          outcome.status === "revoked"
            ? `"${outcome.key.name}" is revoked.`
            : `"${outcome.key.name}" was already revoked.`,
      },
    };
  },
);
