"use client";

import { useId, useRef, useState, useTransition } from "react";
import { StepUpPrompt } from "@/components/step-up/step-up-prompt";
import { SubmitButton } from "@/components/ui/submit-button";
import { createApiKeyAction } from "./actions";
import { NewKeyNotice } from "./new-key-notice";

type Role = "admin" | "manager" | "member";
type Scope = "read" | "read_write";

const ROLE_LABEL: Record<Role, string> = { admin: "Admin", manager: "Manager", member: "Member" };
const FIELD =
  "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900";

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
  const describedBy = (field: string) => (fieldError(field) ? `${ids}-${field}-error` : undefined);

  return (
    <div className="space-y-4">
      <form ref={form} action={create} className="space-y-3" aria-label="Create an API key">
        <div className="flex flex-wrap items-start gap-3">
          <div className="min-w-56 flex-1">
            <label htmlFor={`${ids}-name`} className="text-sm font-medium">
              Name
            </label>
            <input
              id={`${ids}-name`}
              name="name"
              required
              maxLength={80}
              placeholder="e.g. Claude Code on the release laptop"
              aria-invalid={Boolean(fieldError("name"))}
              aria-describedby={describedBy("name")}
              className={`${FIELD} w-full`}
            />
            {fieldError("name") && (
              <p id={`${ids}-name-error`} className="mt-1 text-xs text-red-600">
                Name {fieldError("name")}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${ids}-scope`} className="text-sm font-medium">
              Scope
            </label>
            <select
              id={`${ids}-scope`}
              name="scope"
              defaultValue="read"
              aria-invalid={Boolean(fieldError("scope"))}
              aria-describedby={describedBy("scope")}
              className={FIELD}
            >
              <option value="read">Read only</option>
              <option value="read_write">Read &amp; write</option>
            </select>
            {fieldError("scope") && (
              <p id={`${ids}-scope-error`} className="mt-1 text-xs text-red-600">
                Scope {fieldError("scope")}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${ids}-role`} className="text-sm font-medium">
              Acts as
            </label>
            <select
              id={`${ids}-role`}
              name="role"
              defaultValue="member"
              aria-invalid={Boolean(fieldError("role"))}
              aria-describedby={describedBy("role")}
              className={FIELD}
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABEL[role]}
                </option>
              ))}
            </select>
            {fieldError("role") && (
              <p id={`${ids}-role-error`} className="mt-1 text-xs text-red-600">
                Role {fieldError("role")}
              </p>
            )}
          </div>
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
