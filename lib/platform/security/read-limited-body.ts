import { NextResponse } from "next/server";
import { MAX_BODY_BYTES } from "./body-limit";

export type LimitedBody =
  { ok: true; bytes: Uint8Array<ArrayBuffer>; text: string } | { ok: false; response: NextResponse };

/** The 413 for a body over the limit, as status, body and headers (for a server that writes its own answers). */
export function tooLargeAnswer(limit = MAX_BODY_BYTES) {
  return {
    status: 413,
    body: { error: "too_large", message: `The body is larger than ${limit} bytes.` },
    // The connection is closed after it, so the rest of the body is never read.
    headers: { connection: "close" },
  };
}

/** The 413 for a body over the limit; the connection is closed after it, so the rest of the body is never read. */
export function refuseTooLargeBody(limit = MAX_BODY_BYTES): NextResponse {
  const { status, body, headers } = tooLargeAnswer(limit);
  return NextResponse.json(body, { status, headers });
}

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the
 * limit is refused before a byte is read; a chunked body is counted as it
 * arrives and refused as soon as it passes the limit, so no more than the
 * limit plus one chunk is ever held.
 *
 * On refusal the stream is left unread rather than cancelled: cancelling
 * tears the socket down before the 413 can be written.
 */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return { ok: false, response: refuseTooLargeBody(limit) };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0), text: "" };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limit) return { ok: false, response: refuseTooLargeBody(limit) };
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes, text: new TextDecoder().decode(bytes) };
}
