"use client";

import { useState, useTransition } from "react";
import { StepUpPrompt } from "@/components/step-up/step-up-prompt";
import type { ActionResult } from "@/lib/platform/actions/org-action";

/** `stepUpUrl`: the action asked for a fresh second factor first (ActionResult.stepUp). */
export type Feedback = { kind: "ok" | "pending" | "error"; text: string; stepUpUrl?: string } | null;

/** Runs a server action with a fresh idempotency key and turns its result into a message. */
export function useActionFeedback() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, startTransition] = useTransition();

  function run(
    action: (key: string) => Promise<ActionResult<{ status: string; message: string }>>,
    onSuccess?: () => void,
  ) {
    setFeedback(null);
    const key = crypto.randomUUID();
    startTransition(async () => {
      const result = await action(key);
      if (!result.ok) return setFeedback({ kind: "error", text: result.error, stepUpUrl: result.stepUp?.url });
      setFeedback({ kind: result.data.status === "pending" ? "pending" : "ok", text: result.data.message });
      onSuccess?.();
    });
  }

  return { feedback, pending, run };
}

export function FeedbackMessage({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  if (feedback.stepUpUrl) return <StepUpPrompt message={feedback.text} url={feedback.stepUpUrl} />;
  const styles = {
    ok: "text-emerald-700 dark:text-emerald-400",
    pending: "text-amber-700 dark:text-amber-300",
    error: "text-red-600 dark:text-red-400",
  } as const;
  return (
    <p role={feedback.kind === "error" ? "alert" : "status"} className={`text-sm ${styles[feedback.kind]}`}>
      {feedback.text}
    </p>
  );
}
