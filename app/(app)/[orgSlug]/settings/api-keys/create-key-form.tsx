"use client";

import { type ReactNode, useId, useRef, useState, useTransition } from "react";
import { StepUpPrompt } from "@/components/step-up/step-up-prompt";
import { SubmitButton } from "@/components/ui/submit-button";
import { createApiKeyAction } from "./actions";
import { NewKeyNotice } from "./new-key-notice";

type Role = "admin" | "manager" | "member";
type Scope = "read" | "read_write";

const ROLE_LABEL: Record<Role, string> = { admin: "Admin", manager: "Manager", member: "Member" };
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
        <p id={`${id}-error`} className="mt-1 text-xs text-red-600">
          {errorLabel} {error}
        </p>
      )}
    </div>
  );
}

/** Name, scope and role of a new key; the key itself is shown once, right here, after creation. */
export function CreateKeyForm({ orgSlug, roles }: { orgSlug: string; roles: Role[] }) {
  const form = useRef<HTMLFormElement>(null);
  const ids = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ text: string; fields: Record<string, string>; stepUpUrl?: string } | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);

  function create(formData: FormData) {
    const name = String(formData.get("name") ?? "");
    const scope = String(formData.get("scope") ?? "read") as Scope;
    const role = String(formData.get("role") ?? "member") as Role;
    setError(null);
    setCreated(null);
    startTransition(async () => {
      const result = await createApiKeyAction({ orgSlug, name, scope, role });
      if (!result.ok)
        return setError({ text: result.error, fields: result.fieldErrors ?? {}, stepUpUrl: result.stepUp?.url });
      form.current?.reset();
      setCreated({ key: result.data.key, name: name.trim() });
    });
  }

  const fieldError = (field: string) => error?.fields[field];

  return (
    <div className="space-y-4">
      <form ref={form} action={create} className="space-y-3" aria-label="Create an API key">
        <div className="flex flex-wrap items-start gap-3">
          <KeyField id={`${ids}-name`} label="Name" error={fieldError("name")} className="min-w-56 flex-1">
            {(described) => (
              <input
                {...described}
                name="name"
                required
                maxLength={80}
                placeholder="e.g. Claude Code on the release laptop"
                className={`${FIELD} w-full`}
              />
            )}
          </KeyField>
          <KeyField id={`${ids}-scope`} label="Scope" error={fieldError("scope")}>
            {(described) => (
              <select {...described} name="scope" defaultValue="read" className={FIELD}>
                <option value="read">Read only</option>
                <option value="read_write">Read &amp; write</option>
              </select>
            )}
          </KeyField>
          <KeyField id={`${ids}-role`} label="Acts as" errorLabel="Role" error={fieldError("role")}>
            {(described) => (
              <select {...described} name="role" defaultValue="member" className={FIELD}>
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
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Read-only keys can only call read tools. A key never acts with more than your own role, now or after a role
          change.
        </p>
        {error?.stepUpUrl && <StepUpPrompt message={error.text} url={error.stepUpUrl} />}
        {error && !error.stepUpUrl && (
          <p role="alert" className="text-sm text-red-600">
            {error.text}
          </p>
        )}
      </form>
      {created && <NewKeyNotice name={created.name} apiKey={created.key} onDone={() => setCreated(null)} />}
    </div>
  );
}
