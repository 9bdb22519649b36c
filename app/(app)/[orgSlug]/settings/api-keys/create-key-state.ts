import type { ActionResult } from "@/lib/platform/actions/org-action";

export type KeyRole = "admin" | "manager" | "member";
export type KeyScope = "read" | "read_write";

/** What the form sent, handed back so a refused form keeps what was typed. */
export type CreateKeyValues = { name: string; scope: string; role: string };

export const EMPTY_KEY_VALUES: CreateKeyValues = { name: "", scope: "read", role: "member" };

export type CreatedKey = { status: "succeeded"; message: string; key: string; prefix: string; name: string };

/**
 * The create form's action state: the action's result, the one-time key
 * inside it on success, and the values to show in the form again.
 */
export type CreateKeyFormResult = ActionResult<CreatedKey> & { values: CreateKeyValues };

/** The form's fields as strings; the action's schema decides whether they are valid. */
export function readCreateKeyForm(formData: FormData): { orgSlug: string; values: CreateKeyValues } {
  const text = (name: string, fallback: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : fallback;
  };
  return {
    orgSlug: text("orgSlug", ""),
    values: { name: text("name", ""), scope: text("scope", "read"), role: text("role", "member") },
  };
}

/** The result with the values the form shows next: empty after a key was made, as sent after a refusal. */
export function withFormValues(result: ActionResult<CreatedKey>, sent: CreateKeyValues): CreateKeyFormResult {
  return { ...result, values: result.ok ? EMPTY_KEY_VALUES : sent };
}
