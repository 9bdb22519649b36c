"use client";

import { useState } from "react";
import type { AutomationKind } from "@/lib/domain/automations/rules";
import { RuleForm } from "./rule-form";

/** "Add a rule": pick what it reacts to, then fill in the same form as editing. */
export function AddRule({
  orgSlug,
  kinds,
}: {
  orgSlug: string;
  kinds: { kind: AutomationKind; title: string; description: string; defaults: Record<string, unknown> }[];
}) {
  const [kind, setKind] = useState<AutomationKind | "">("");
  const chosen = kinds.find((k) => k.kind === kind);
  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium">
        Rule type
        <select
          value={kind}
          onChange={(event) => setKind(event.target.value as AutomationKind | "")}
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="">Choose…</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.title}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">{chosen.description}</p>
          <RuleForm
            key={chosen.kind}
            orgSlug={orgSlug}
            kind={chosen.kind}
            initial={{ name: chosen.title, enabled: true, config: chosen.defaults }}
            onDone={() => setKind("")}
          />
        </>
      )}
    </div>
  );
}
