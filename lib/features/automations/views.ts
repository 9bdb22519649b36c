import type { AutomationKind } from "@/lib/domain/automations/rules";

/*
 * What the automations page shows, as plain data. Types only (plus one pure
 * parser), so the page's client components can import them without pulling
 * the feature's server code into the browser bundle.
 */

/** A saved rule as its card shows it; `problem` explains settings that no longer validate. */
export type RuleView = {
  id: string;
  kind: AutomationKind;
  name: string;
  enabled: boolean;
  title: string;
  description: string;
  config: Record<string, unknown>;
  problem: string | null;
};

/** A kind of rule the "Add a rule" form offers, with settings that validate as a starting point. */
export type RuleKindOption = {
  kind: AutomationKind;
  title: string;
  description: string;
  defaults: Record<string, unknown>;
};

export const RUN_STATUSES = ["failed", "pending", "succeeded", "skipped"] as const;
export type RunStatusFilter = (typeof RUN_STATUSES)[number];

/** The run log's outcome filter from the query string; anything else shows every run. */
export function parseRunStatus(raw: unknown): RunStatusFilter | undefined {
  return typeof raw === "string" && (RUN_STATUSES as readonly string[]).includes(raw)
    ? (raw as RunStatusFilter)
    : undefined;
}
