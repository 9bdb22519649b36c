"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { FIELD_CLASS } from "@/components/ui/form-field";
import { InlineOutcome, type Outcome } from "@/components/ui/inline-outcome";
import { primaryButtonClass, SubmitButton } from "@/components/ui/submit-button";
import type { DryRun } from "@/lib/features/rollback";
import { approveRollbackAction, dismissRollbackAction, dryRunRollbackAction } from "./rollback-actions";

const SECONDARY =
  "rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";
const DIALOG =
  "m-auto w-full max-w-lg rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * Approve (confirmed in a dialog), Dismiss (with a reason) and Dry run for one gate. The server decides: a second
 * click or a second manager finds the gate approved and sends nothing more.
 */
export function RollbackGateControls({
  orgSlug,
  gateId,
  release,
  environment,
  retry,
}: {
  orgSlug: string;
  gateId: string;
  release: string;
  environment: string;
  /** The last request failed for good: approving again sends a new one. */
  retry: boolean;
}) {
  const router = useRouter();
  const approveDialog = useRef<HTMLDialogElement>(null);
  const dismissDialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);

  const approve = () =>
    startTransition(async () => {
      const result = await approveRollbackAction({ orgSlug, gateId });
      approveDialog.current?.close();
      setOutcome(result.ok ? { ok: true, text: result.data.message } : { ok: false, text: result.error });
      router.refresh();
    });

  const dismiss = (form: FormData) =>
    startTransition(async () => {
      const result = await dismissRollbackAction({ orgSlug, gateId, reason: String(form.get("reason") ?? "") });
      if (!result.ok) {
        setReasonError(result.fieldErrors?.reason ?? result.error);
        return;
      }
      dismissDialog.current?.close();
      setOutcome({ ok: true, text: result.data.message });
      router.refresh();
    });

  const preview = () =>
    startTransition(async () => {
      const result = await dryRunRollbackAction({ orgSlug, gateId });
      if (result.ok) setDryRun(result.data);
      else setOutcome({ ok: false, text: result.error });
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={primaryButtonClass("sm")} onClick={() => approveDialog.current?.showModal()}>
          {retry ? "Approve again…" : "Approve rollback…"}
        </button>
        {!retry && (
          <button type="button" className={SECONDARY} onClick={() => dismissDialog.current?.showModal()}>
            Dismiss…
          </button>
        )}
        <button type="button" className={SECONDARY} onClick={preview} disabled={pending}>
          Dry run
        </button>
        <InlineOutcome outcome={outcome} />
      </div>
      {dryRun && (
        <section aria-label="Dry run: the request approval would send" className="text-xs">
          <h3 className="mb-1 text-sm font-semibold">Dry run: nothing was sent</h3>
          <pre className="relative overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-slate-100 p-3 dark:bg-slate-800">
            {`${dryRun.method} ${dryRun.url}\n${Object.entries(dryRun.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join("\n")}\n\n${JSON.stringify(JSON.parse(dryRun.body), null, 2)}`}
          </pre>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            The signature is made with the hook&apos;s secret, which is never shown; approving signs the request again
            at the moment it is sent.
          </p>
        </section>
      )}
      <dialog ref={approveDialog} aria-labelledby={`approve-${gateId}`} className={DIALOG}>
        <h3 id={`approve-${gateId}`} className="mb-2 text-lg font-semibold">
          Roll back {release} in {environment}?
        </h3>
        <p className="mb-4 text-sm">
          Bosun sends one signed request to your deployment system&apos;s rollback hook. It is sent once, however often
          this is clicked.
        </p>
        <div className="flex justify-end gap-2">
          <button type="button" className={SECONDARY} onClick={() => approveDialog.current?.close()}>
            Cancel
          </button>
          <SubmitButton type="button" size="sm" onClick={approve} pending={pending} pendingLabel="Sending…">
            Approve rollback
          </SubmitButton>
        </div>
      </dialog>
      <dialog ref={dismissDialog} aria-labelledby={`dismiss-${gateId}`} className={DIALOG}>
        <form action={dismiss}>
          <h3 id={`dismiss-${gateId}`} className="mb-2 text-lg font-semibold">
            Dismiss the rollback of {release}?
          </h3>
          <label className="text-sm font-medium">
            Why is no rollback needed?
            <textarea
              name="reason"
              required
              minLength={3}
              maxLength={1000}
              rows={3}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `dismiss-error-${gateId}` : undefined}
              className={`${FIELD_CLASS} w-full`}
            />
          </label>
          {reasonError && (
            <p id={`dismiss-error-${gateId}`} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
              {reasonError}
            </p>
          )}
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" className={SECONDARY} onClick={() => dismissDialog.current?.close()}>
              Cancel
            </button>
            <SubmitButton size="sm" pending={pending} pendingLabel="Dismissing…">
              Dismiss rollback
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
