"use client";

import { useState, useTransition } from "react";
import { InputField, SelectField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/platform/actions/org-action";
import { addAvailabilityAction, removeAvailabilityAction, setAllocationAction } from "./actions";

type Result = ActionResult<{ message: string }>;

const KINDS = [
  { value: "time_off", label: "Time off" },
  { value: "on_call", label: "On call" },
];

function useResult() {
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<Result>) => startTransition(async () => setResult(await action()));
  const message = result && (
    <p
      role={result.ok ? "status" : "alert"}
      className={`text-xs ${result.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}`}
    >
      {result.ok ? result.data.message : result.error}
    </p>
  );
  return { pending, run, message };
}

export function AllocationInput({
  orgSlug,
  userId,
  name,
  value,
}: {
  orgSlug: string;
  userId: string;
  name: string;
  value: number;
}) {
  const { pending, run, message } = useResult();
  return (
    <form
      action={(formData) =>
        run(() => setAllocationAction({ orgSlug, userId, allocationPercent: Number(formData.get("allocation")) }))
      }
      className="flex items-center gap-2"
    >
      <input
        name="allocation"
        type="number"
        min={0}
        max={100}
        defaultValue={value}
        aria-label={`Allocation of ${name} (%)`}
        className="w-20 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      />
      <button
        type="submit"
        disabled={pending}
        className="text-xs font-medium text-brand-600 hover:underline disabled:opacity-60 dark:text-brand-300"
      >
        Save
      </button>
      {message}
    </form>
  );
}

export function AddAvailabilityForm({
  orgSlug,
  people,
  defaultUserId,
}: {
  orgSlug: string;
  people: { userId: string; name: string }[];
  defaultUserId: string;
}) {
  const { pending, run, message } = useResult();
  function add(formData: FormData) {
    const get = (key: string) => String(formData.get(key) ?? "");
    run(() =>
      addAvailabilityAction({
        orgSlug,
        userId: get("userId"),
        kind: get("kind") as "time_off" | "on_call",
        startsOn: get("startsOn"),
        endsOn: get("endsOn"),
        note: get("note"),
      }),
    );
  }
  return (
    <form action={add} className="flex flex-wrap items-end gap-3">
      <SelectField
        label="Person"
        name="userId"
        defaultValue={defaultUserId}
        options={people.map((p) => ({ value: p.userId, label: p.name }))}
      />
      <SelectField label="Kind" name="kind" options={KINDS} />
      <InputField label="From" type="date" name="startsOn" required />
      <InputField label="To" type="date" name="endsOn" required />
      <InputField label="Note" name="note" maxLength={200} />
      <SubmitButton pending={pending}>Add</SubmitButton>
      <div className="basis-full">{message}</div>
    </form>
  );
}

export function RemoveAvailabilityButton({ orgSlug, id, label }: { orgSlug: string; id: string; label: string }) {
  const { pending, run, message } = useResult();
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => removeAvailabilityAction({ orgSlug, id }))}
        className="text-xs text-red-700 hover:underline disabled:opacity-60 dark:text-red-400"
      >
        Remove<span className="sr-only"> {label}</span>
      </button>
      {message}
    </span>
  );
}
