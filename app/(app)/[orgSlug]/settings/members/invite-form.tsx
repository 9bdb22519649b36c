"use client";

import { useRef } from "react";
import { inviteMemberAction } from "./actions";
import { FeedbackMessage, useActionFeedback } from "@/components/ui/action-feedback";
import { SelectField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";

const ROLES = [
  { value: "member", label: "Member" },
  { value: "manager", label: "Manager" },
  { value: "admin", label: "Admin" },
];

export function InviteForm({ orgSlug }: { orgSlug: string }) {
  const form = useRef<HTMLFormElement>(null);
  const { feedback, pending, run } = useActionFeedback();

  function invite(formData: FormData) {
    const email = String(formData.get("email") ?? "");
    const role = String(formData.get("role") ?? "member") as "admin" | "manager" | "member";
    run(
      (idempotencyKey) => inviteMemberAction({ orgSlug, email, role, idempotencyKey }),
      () => form.current?.reset(),
    );
  }

  return (
    <form ref={form} action={invite} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex-1 text-sm font-medium">
          Email
          <input
            name="email"
            type="email"
            required
            placeholder="name@company.com"
            className="mt-1 block w-full min-w-56 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <SelectField label="Role" name="role" defaultValue="member" options={ROLES} />
        <SubmitButton pending={pending} pendingLabel="Inviting…">
          Invite
        </SubmitButton>
      </div>
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
