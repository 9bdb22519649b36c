import http from "node:http";
import type { ServedRoutes } from "./route-server";

export type HeldUpload = {
  status: number;
  json: Record<string, unknown>;
  /** True when the answer came while the client still held back the rest of the body. */
  answeredWhileHolding: boolean;
  /** Body bytes the route handler read for this request. */
  bytesRead: number;
};

const CHUNK = Buffer.alloc(64 * 1024, "x");

async function readAnswer(response: http.IncomingMessage): Promise<{ status: number; json: Record<string, unknown> }> {
  const parts: Buffer[] = [];
  for await (const part of response) parts.push(part as Buffer);
  return {
    status: response.statusCode ?? 0,
    json: JSON.parse(Buffer.concat(parts).toString("utf8") || "{}") as Record<string, unknown>,
  };
}

function write(request: http.ClientRequest, bytes: number) {
  for (let sent = 0; sent < bytes; sent += CHUNK.length)
    request.write(CHUNK.subarray(0, Math.min(CHUNK.length, bytes - sent)));
}

/**
 * POSTs a body of `totalBytes` in two parts: the first `firstBytes`, then the
 * rest only if the server has read all of the first part without answering.
 * A server that stops at its limit (or refuses up front) answers while the
 * rest is still held back; one that reads on asks for the rest, and gets it.
 * The body is chunked (no Content-Length) unless `declareLength` is set. The
 * chunks are one reused buffer, so the client itself holds next to nothing.
 */
export async function postHeldBody({
  server,
  path,
  headers = {},
  firstBytes,
  totalBytes,
  declareLength = false,
}: {
  server: ServedRoutes;
  path: string;
  headers?: Record<string, string>;
  firstBytes: number;
  totalBytes: number;
  declareLength?: boolean;
}): Promise<HeldUpload> {
  const readBefore = server.bodyBytesRead();
  const framing = declareLength ? { "content-length": String(totalBytes) } : { "transfer-encoding": "chunked" };
  const request = http.request(`${server.url}${path}`, { method: "POST", headers: { ...headers, ...framing } });
  // Once answered, the client drops the upload; the errors that follow on its side are expected.
  request.on("error", () => undefined);
  const answered = new Promise<http.IncomingMessage>((resolve) => request.once("response", resolve));

  write(request, firstBytes);
  const first = await Promise.race([
    answered.then(() => "answered" as const),
    server.whenBodyBytesRead(readBefore + firstBytes).then(() => "read everything sent" as const),
  ]);
  if (first === "read everything sent") {
    write(request, totalBytes - firstBytes);
    request.end();
  }
  const answer = await readAnswer(await answered);
  request.destroy();
  return { ...answer, answeredWhileHolding: first === "answered", bytesRead: server.bodyBytesRead() - readBefore };
}
