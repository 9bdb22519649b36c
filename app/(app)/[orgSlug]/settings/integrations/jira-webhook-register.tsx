"use client";

import { InlineOutcome, useInlineAction } from "@/components/ui/inline-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { registerJiraWebhookAction } from "./jira-webhook-actions";

/** The "Register webhook in Jira" button, with what Jira answered beside it. */
export function RegisterJiraWebhookButton({ orgSlug, registered }: { orgSlug: string; registered: boolean }) {
  const { pending, outcome, run } = useInlineAction();
  const register = () =>
    run(async () => {
      const result = await registerJiraWebhookAction({ orgSlug });
      return result.ok ? { ok: result.data.ok, text: result.data.message } : { ok: false, text: result.error };
    });

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <SubmitButton type="button" size="sm" onClick={register} pending={pending} pendingLabel="Registering…">
        {registered ? "Update webhook in Jira" : "Register webhook in Jira"}
      </SubmitButton>
      {!pending && <InlineOutcome outcome={outcome} />}
    </div>
  );
}
