"use client";

import { useState } from "react";
import { SelectField } from "@/components/ui/form-field";
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
      <SelectField
        label="Rule type"
        labelClassName="block text-sm font-medium"
        value={kind}
        onChange={(event) => setKind(event.target.value as AutomationKind | "")}
        blank="Choose…"
        options={kinds.map((k) => ({ value: k.kind, label: k.title }))}
      />
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
