import { z } from "zod";

/**
 * What the run log shows of a stored decision. Runs keep their decision as JSON, written by every version of the rule
 * runner since the first, so it is read leniently: a field that is missing or of another shape is left out rather than
 * failing the log.
 */
export type RunDecisionView = { summary: string | null; notes: string[] };

const STORED_DECISION = z.object({
  summary: z.string().optional().catch(undefined),
  notes: z.array(z.unknown()).optional().catch(undefined),
});

export function readRunDecision(stored: unknown): RunDecisionView | null {
  const parsed = STORED_DECISION.safeParse(stored);
  if (!parsed.success) return null;
  return {
    summary: parsed.data.summary ?? null,
    notes: (parsed.data.notes ?? []).filter((note): note is string => typeof note === "string"),
  };
}
