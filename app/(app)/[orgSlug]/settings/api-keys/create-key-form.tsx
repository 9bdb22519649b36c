"use client";

import { type ReactNode, useActionState, useId, useState } from "react";
import { StepUpPrompt } from "@/components/step-up/step-up-prompt";
import { SubmitButton } from "@/components/ui/submit-button";
import { createApiKeyFormAction } from "./actions";
import { EMPTY_KEY_VALUES, type KeyRole } from "./create-key-state";
import { NewKeyNotice } from "./new-key-notice";

const ROLE_LABEL: Record<KeyRole, string> = { admin: "Admin", manager: "Manager", member: "Member" };
const FIELD =
  "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900";

/**
 * One field of the form: its label, its control (handed the id and the ARIA attributes that tie it to its error) and
 * the error under it, which starts with `errorLabel` (the label unless given).
 */
function KeyField({
  id,
  label,
  errorLabel = label,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  errorLabel?: string;
  error: string | undefined;
  className?: string;
  children: (described: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": error ? `${id}-error` : undefined })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-600 dark:text-red-400">
          {errorLabel} {error}
        </p>
      )}
    </div>
  );
}

/**
 * Name, scope and role of a new key. The key itself is shown once, right here, from the action's result (the
 * useActionState state), never from separate client state: a form sent before the page hydrated still gets it
 * back in the server's render, and a re-render of the page keeps it.
 */
export function CreateKeyForm({ orgSlug, roles }: { orgSlug: string; roles: KeyRole[] }) {
  const ids = useId();
  const [state, formAction, pending] = useActionState(createApiKeyFormAction, null);
  // Which key "Done" put away, by its prefix: a later key is shown again.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const values = state?.values ?? EMPTY_KEY_VALUES;
  const error = state && !state.ok ? state : null;
  const created = state?.ok && state.data.prefix !== dismissed ? state.data : null;
  const fieldError = (field: string) => error?.fieldErrors?.[field];

  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3" aria-label="Create an API key">
        <input type="hidden" name="orgSlug" value={orgSlug} />
        <div className="flex flex-wrap items-start gap-3">
          <KeyField id={`${ids}-name`} label="Name" error={fieldError("name")} className="min-w-56 flex-1">
            {(described) => (
              <input
                {...described}
                name="name"
                required
                maxLength={80}
                defaultValue={values.name}
                placeholder="e.g. Claude Code on the release laptop"
                className={`${FIELD} w-full`}
              />
            )}
          </KeyField>
          <KeyField id={`${ids}-scope`} label="Scope" error={fieldError("scope")}>
            {(described) => (
              <select {...described} name="scope" defaultValue={values.scope} className={FIELD}>
                <option value="read">Read only</option>
                <option value="read_write">Read &amp; write</option>
              </select>
            )}
          </KeyField>
          <KeyField id={`${ids}-role`} label="Acts as" errorLabel="Role" error={fieldError("role")}>
            {(described) => (
              <select {...described} name="role" defaultValue={values.role} className={FIELD}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABEL[role]}
                  </option>
                ))}
              </select>
            )}
          </KeyField>
          <SubmitButton pending={pending} pendingLabel="Creating…" className="mt-6">
            Create key
          </SubmitButton>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Read-only keys can only call read tools. A key never acts with more than your own role, now or after a role
          change.
        </p>
        {error?.stepUp && <StepUpPrompt message={error.error} url={error.stepUp.url} />}
        {error && !error.stepUp && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error.error}
          </p>
        )}
      </form>
      {created && (
        <NewKeyNotice
          key={created.prefix}
          name={created.name}
          apiKey={created.key}
          onDone={() => setDismissed(created.prefix)}
        />
      )}
    </div>
  );
}
