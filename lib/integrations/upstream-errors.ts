import "server-only";
import { formatMegabytes } from "./http";

/**
 * Why Bosun itself stopped an outbound call. Client libraries wrap these in
 * their own errors (axios in `cause`, jira.js around axios), so callers find
 * them with findUpstreamRefusal rather than instanceof on what they caught.
 */

export const ADDRESS_REFUSED = "EUPSTREAMREFUSED";
export const ANSWER_TOO_LARGE = "EUPSTREAMTOOLARGE";

export class UpstreamAddressRefusedError extends Error {
  readonly code = ADDRESS_REFUSED;
  constructor(message: string) {
    super(message);
    this.name = "UpstreamAddressRefusedError";
  }
}

export class UpstreamAnswerTooLargeError extends Error {
  readonly code = ANSWER_TOO_LARGE;
  constructor(readonly limitBytes: number) {
    super(`the answer was larger than ${formatMegabytes(limitBytes)}, so Bosun stopped reading it`);
    this.name = "UpstreamAnswerTooLargeError";
  }
}

export type UpstreamRefusal = UpstreamAddressRefusedError | UpstreamAnswerTooLargeError;

export function findUpstreamRefusal(error: unknown, depth = 0): UpstreamRefusal | null {
  if (error instanceof UpstreamAddressRefusedError || error instanceof UpstreamAnswerTooLargeError) return error;
  if (depth > 4 || typeof error !== "object" || error === null) return null;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  const inner = [cause, ...(Array.isArray(errors) ? errors : [])];
  for (const candidate of inner) {
    const found = findUpstreamRefusal(candidate, depth + 1);
    if (found) return found;
  }
  return null;
}
