import { z } from "zod";

/** The part of a stored outbound write's payload that says, in words, what the write does. */
const storedSummary = z.object({ meta: z.object({ summary: z.string() }) });

/** What an outbound write does, as recorded with it; its operation's name for a payload without a summary. */
export function writeSummary(write: { operation: string; payload: unknown }): string {
  const parsed = storedSummary.safeParse(write.payload);
  return parsed.success ? parsed.data.meta.summary : write.operation;
}
