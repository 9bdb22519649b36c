import "server-only";
import type { z } from "zod";
import { OPERATIONS, type OperationName, type OperationResult } from "./operations";

/**
 * An operation's result checked against the schema its operation declares.
 * A stored result that does not match (a change of shape, a hand-edited row,
 * an intent of another operation under the same key) stops here with a message
 * naming the operation and the fields, rather than reaching a caller that
 * trusts its type.
 */
export class ResultMismatchError extends Error {
  override name = "ResultMismatchError";
  constructor(operation: string, error: z.ZodError) {
    super(
      `The result of ${operation} is not what that operation answers: ${error.issues.map((issue) => `${issue.path.join(".") || "result"} ${issue.message}`).join("; ")}`,
    );
  }
}

export function readResult<N extends OperationName>(operation: N, value: unknown): OperationResult<N> {
  const spec = OPERATIONS[operation];
  if (!spec) throw new Error(`Unknown outbound operation ${operation}`);
  const parsed = spec.result.safeParse(value);
  if (!parsed.success) throw new ResultMismatchError(operation, parsed.error);
  // Indexing the table by a type parameter loses the pairing of name and schema that the lookup above keeps.
  return parsed.data as OperationResult<N>;
}
