/** Request ids travel in this header: set by proxy.ts, logged, audited and sent upstream. */
export const REQUEST_ID_HEADER = "x-request-id";

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses a caller's well-formed request id (e.g. from a load balancer); otherwise makes one. */
export function resolveRequestId(incoming: string | null): string {
  return incoming && VALID_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
