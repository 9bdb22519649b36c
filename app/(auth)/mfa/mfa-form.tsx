"use client";

import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { MfaEnrolment } from "@/lib/platform/auth/mfa";
import { startMfaEnrolmentAction, verifyMfaCodeAction } from "./actions";
import { TotpSetup } from "./totp-setup";

/** An enrolment as the action returns it; `qrCode` is WorkOS's data URI of the QR image, when it sends one. */
/** Verifies a code from an existing authenticator, or sets one up first. */
export function MfaForm({
  orgSlug,
  hasFactor,
  returnTo,
  connectionId,
}: {
  orgSlug: string;
  hasFactor: boolean;
  returnTo?: string;
  connectionId?: string;
}) {
  const hydrated = useHydrated();
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const needsSetup = !hasFactor && !enrolment;

  function setUp() {
    setError(null);
    startTransition(async () => {
      const result = await startMfaEnrolmentAction({ orgSlug });
      if (result.ok) setEnrolment(result.data);
      else setError(result.error);
    });
  }

  function verify(formData: FormData) {
    setError(null);
    startTransition(async () => {
      const result = await verifyMfaCodeAction({
        orgSlug,
        code: String(formData.get("code") ?? ""),
        challengeId: enrolment?.challengeId,
        returnTo,
        connectionId,
      });
      if (result && !result.ok) setError(result.error);
      else if (result?.ok) setDone(result.data.message);
    });
  }

  if (done) {
    return (
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {done}
      </p>
    );
  }

  if (needsSetup) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This organization requires two-step verification. Set up an authenticator app (1Password, Google
          Authenticator, Authy…) to continue.
        </p>
        <button
          type="button"
          onClick={setUp}
          disabled={pending || !hydrated}
          className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Setting up…" : "Set up authenticator app"}
        </button>
        {error && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
    );
  }

  return (
    <form action={verify} className="space-y-4">
      {enrolment && <TotpSetup secret={enrolment.secret} uri={enrolment.uri} qrCode={enrolment.qrCode} />}
      <label className="block text-sm font-medium" htmlFor="code">
        Authentication code
      </label>
      <input
        id="code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "code-error" : undefined}
        className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono tracking-widest dark:border-slate-600 dark:bg-slate-900"
      />
      {error && (
        <p id="code-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Checking…" : "Verify"}
      </button>
    </form>
  );
}
