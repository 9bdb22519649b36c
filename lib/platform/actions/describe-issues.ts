import type { z } from "zod";

/*
 * Kept apart from org-action.ts, which imports Next's navigation: features call this from code the worker loads too,
 * and the worker runs without Next's client modules.
 */

/** Turns zod issues into one sentence and a per-field map, so forms can point at the wrong field. */
export function describeIssues(error: z.ZodError): { error: string; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "input";
    fieldErrors[field] ??= issue.message;
  }
  return {
    error: Object.entries(fieldErrors)
      .map(([field, message]) => `${field}: ${message}`)
      .join("; "),
    fieldErrors,
  };
}
