/** A failed connection check; `status` is left out rather than undefined when the service never answered. */
export function connectionFailure<R extends string>(
  reason: R,
  message: string,
  status?: number,
): { ok: false; reason: R; message: string; status?: number } {
  return status === undefined ? { ok: false, reason, message } : { ok: false, reason, message, status };
}
