import "server-only";
import { z } from "zod";
import { OPERATIONS, type OperationArgs, type OperationName, type OperationResult } from "./operations";

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

/**
 * The arguments a stored intent was recorded with, checked against its operation's schema; null when the
 * payload does not hold them in that shape (an older row, or one of another operation), so a caller falls back
 * instead of trusting a cast.
 */
export function readStoredArgs<N extends OperationName>(operation: N, payload: unknown): OperationArgs<N> | null {
  const spec = OPERATIONS[operation];
  if (!spec) throw new Error(`Unknown outbound operation ${operation}`);
  const parsed = z.object({ args: spec.args }).safeParse(payload);
  // As in readResult: the table indexed by a type parameter loses the name–schema pairing checked here.
  return parsed.success ? (parsed.data.args as OperationArgs<N>) : null;
}
