"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/platform/actions/org-action";

export type ActionMessage = {
  kind: "ok" | "error";
  text: string;
  fieldErrors: Record<string, string>;
} | null;

/** Runs one of this page's actions and keeps what it answered: a message, and on failure the fields it names. */
export function useActionMessage() {
  const [message, setMessage] = useState<ActionMessage>(null);
  const [pending, startTransition] = useTransition();

  function run<T extends { message: string }>(action: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return setMessage({ kind: "error", text: result.error, fieldErrors: result.fieldErrors ?? {} });
      setMessage({ kind: "ok", text: result.data.message, fieldErrors: {} });
      onSuccess?.(result.data);
    });
  }

  return { message, pending, run };
}

export function ActionMessageLine({ message }: { message: ActionMessage }) {
  if (!message) return null;
  return (
    <p
      role={message.kind === "error" ? "alert" : "status"}
      className={`text-sm ${message.kind === "error" ? "text-red-600 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
    >
      {message.text}
    </p>
  );
}
