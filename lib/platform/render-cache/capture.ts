import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import zlib from "node:zlib";

/** Level 1: most of gzip's saving on HTML for a fraction of the default level's CPU, which every answer pays. */
export const GZIP_OPTIONS: zlib.ZlibOptions = { level: 1 };

export type CapturedResponse = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

type Options = {
  /** Compress an HTML answer (the request's Accept-Encoding was taken away from Next.js, so its body is plain). */
  gzip: boolean;
  /** A longer body is still sent, but not captured. */
  maxBytes: number;
  /** A complete 200 text/html answer without cookies, as Next.js wrote it: headers before compression. */
  onComplete: (response: CapturedResponse) => void;
};

type Callback = (error?: Error | null) => void;
type Chunk = string | Uint8Array;

/**
 * Sees a page's answer as it streams to the client and keeps a copy, without holding the stream back: each chunk is
 * passed on (compressed and flushed when the client takes gzip) as Next.js writes it. Installed on the response
 * before Next.js's handler runs, so it sits below everything Next.js does to the response.
 */
export function captureResponse(res: ServerResponse, options: Options) {
  const write = res.write.bind(res) as (chunk: Chunk, encoding?: BufferEncoding, callback?: Callback) => boolean;
  const end = res.end.bind(res) as (chunk?: Chunk, encoding?: BufferEncoding, callback?: () => void) => ServerResponse;
  const writeHead = res.writeHead.bind(res) as (status: number, message?: string) => ServerResponse;
  const chunks: Buffer[] = [];
  let bytes = 0;
  let keep = false;
  let headers: OutgoingHttpHeaders = {};
  let headWritten = false;
  let zip: zlib.Gzip | null = null;

  const collect = (chunk: Chunk | undefined, encoding?: BufferEncoding) => {
    if (!keep || chunk === undefined) return undefined;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
    bytes += buffer.byteLength;
    if (bytes > options.maxBytes) {
      keep = false;
      chunks.length = 0;
    } else chunks.push(buffer);
    return buffer;
  };

  res.writeHead = function writeHeadOnce(status: number, ...rest: unknown[]) {
    if (headWritten) return writeHead(status);
    headWritten = true;
    const message = typeof rest[0] === "string" ? rest[0] : undefined;
    const given = typeof rest[0] === "string" ? rest[1] : rest[0];
    if (Array.isArray(given)) for (let i = 0; i + 1 < given.length; i += 2) res.appendHeader(given[i], given[i + 1]);
    else if (given && typeof given === "object")
      for (const [name, value] of Object.entries(given)) if (value !== undefined) res.setHeader(name, value as string);
    headers = res.getHeaders();
    const html = String(res.getHeader("content-type") ?? "").startsWith("text/html");
    keep = status === 200 && html && res.getHeader("set-cookie") === undefined;
    if (options.gzip && html && res.getHeader("content-encoding") === undefined) {
      res.removeHeader("content-length");
      res.setHeader("content-encoding", "gzip");
      res.setHeader("vary", withVary(res.getHeader("vary"), "accept-encoding"));
      zip = zlib.createGzip(GZIP_OPTIONS);
      zip.on("data", (compressed: Buffer) => write(compressed));
    }
    return message === undefined ? writeHead(status) : writeHead(status, message);
  } as ServerResponse["writeHead"];

  res.write = function writeAndKeep(chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback) {
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    if (!headWritten) res.writeHead(res.statusCode);
    const kept = collect(chunk, encoding);
    if (!zip) return write(chunk, encoding, callback);
    zip.write(kept ?? (typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk));
    // A flush per write keeps the stream a stream: Suspense boundaries reach the browser as they resolve.
    zip.flush();
    callback?.();
    return true;
  } as ServerResponse["write"];

  res.end = function endAndKeep(
    chunk?: Chunk | (() => void),
    encoding?: BufferEncoding | (() => void),
    callback?: () => void,
  ) {
    if (typeof chunk === "function") [callback, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    if (!headWritten) res.writeHead(res.statusCode);
    const kept = collect(chunk, encoding);
    if (keep) options.onComplete({ status: res.statusCode, headers, body: Buffer.concat(chunks, bytes) });
    if (!zip) return end(chunk, encoding, callback);
    const last = zip;
    last.once("end", () => end(undefined, undefined, callback));
    if (chunk !== undefined) last.end(kept ?? (typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk));
    else last.end();
    return res;
  } as ServerResponse["end"];
}

/** A Vary value with `field` added once. */
export function withVary(current: number | string | string[] | undefined, field: string): string {
  const fields = (Array.isArray(current) ? current.join(",") : String(current ?? ""))
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  if (!fields.some((f) => f.toLowerCase() === field || f === "*")) fields.push(field);
  return fields.join(", ");
}
