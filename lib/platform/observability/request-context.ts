import "server-only";
import { headers } from "next/headers";
import { logger } from "./logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "./request-id";

/** The id proxy.ts gave this request (outside a request, a fresh one). */
export async function getRequestId(): Promise<string> {
  try {
    return resolveRequestId((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    return resolveRequestId(null);
  }
}

/** A logger whose every line carries this request's id. */
export async function getRequestLogger() {
  return logger.child({ requestId: await getRequestId() });
}
