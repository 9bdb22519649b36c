"use client";

import { useState, useTransition } from "react";

export type Outcome = { ok: boolean; text: string };

/** Runs a small row action (Retry, Resume now) and keeps its outcome to show beside the button. */
export function useInlineAction() {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = (action: () => Promise<Outcome>) => startTransition(async () => setOutcome(await action()));
  return { pending, outcome, run };
}

/** A row action's outcome beside its button: green when it worked, red when it did not. */
export function InlineOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <span
      role="status"
      className={`text-xs ${outcome.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}`}
    >
      {outcome.text}
    </span>
  );
}
