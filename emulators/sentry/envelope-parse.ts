import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

/**
 * Parses Sentry's envelope format: a JSON header line, then items, each a JSON
 * item header line (with `type` and optional byte `length`) followed by its
 * payload (exactly `length` bytes, or up to the next newline).
 */

export type EnvelopeItem = { headers: Record<string, unknown>; payload: Buffer };
export type Envelope = { headers: Record<string, unknown>; items: EnvelopeItem[] };

export class EnvelopeError extends Error {}

const NEWLINE = 0x0a;

function readLine(bytes: Buffer, pos: number): [Buffer, number] {
  const end = bytes.indexOf(NEWLINE, pos);
  if (end === -1) return [bytes.subarray(pos), bytes.length];
  return [bytes.subarray(pos, end), end + 1];
}

function parseJsonLine(line: Buffer, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(line.toString("utf8")) as unknown;
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
    return value as Record<string, unknown>;
  } catch {
    throw new EnvelopeError(`invalid ${what}`);
  }
}

export function decodeBody(bytes: Buffer, contentEncoding: string | undefined): Buffer {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(bytes);
    if (encoding === "deflate") return inflateSync(bytes);
    if (encoding === "br") return brotliDecompressSync(bytes);
  } catch {
    throw new EnvelopeError(`invalid ${encoding} body`);
  }
  if (encoding && encoding !== "identity") throw new EnvelopeError(`unsupported content encoding ${encoding}`);
  return bytes;
}

export function parseEnvelope(bytes: Buffer): Envelope {
  if (bytes.length === 0) throw new EnvelopeError("empty envelope");
  let [line, pos] = readLine(bytes, 0);
  const headers = parseJsonLine(line, "envelope header");
  const items: EnvelopeItem[] = [];
  while (pos < bytes.length) {
    [line, pos] = readLine(bytes, pos);
    if (line.length === 0 || (line.length === 1 && line[0] === 0x0d)) continue;
    const itemHeaders = parseJsonLine(line, "item header");
    if (typeof itemHeaders.type !== "string") throw new EnvelopeError("item header without a type");
    let payload: Buffer;
    if (itemHeaders.length !== undefined) {
      const length = itemHeaders.length;
      if (typeof length !== "number" || !Number.isInteger(length) || length < 0 || pos + length > bytes.length)
        throw new EnvelopeError("invalid item length");
      payload = bytes.subarray(pos, pos + length);
      pos += length;
      if (bytes[pos] === NEWLINE) pos++;
    } else {
      [payload, pos] = readLine(bytes, pos);
    }
    items.push({ headers: itemHeaders, payload });
  }
  return { headers, items };
}
