import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

type RouteHandler = (request: Request) => Promise<Response>;

export type ServedRoutes = {
  url: string;
  close: () => Promise<void>;
  /** Request-body bytes handed to handlers so far, over all requests. */
  bodyBytesRead: () => number;
  /** The largest single body chunk handed to a handler so far. */
  largestBodyChunk: () => number;
  /** Resolves once handlers have been handed at least `bytes` body bytes in all. */
  whenBodyBytesRead: (bytes: number) => Promise<void>;
};

/**
 * The body as Next.js hands it to a route handler: a pull stream over the
 * socket, so a handler reads only what it asks for and the rest stays on the
 * wire; cancelling it tears the request down, as Next.js does.
 */
function streamBody(req: IncomingMessage, onChunk: (bytes: number) => void): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) return controller.close();
        onChunk(value.byteLength);
        controller.enqueue(new Uint8Array(value));
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Serves Next.js route handlers over real HTTP for a test, so emulators can
 * deliver webhooks to them exactly as they would to a running Bosun. Bodies
 * stream to the handler and every byte it reads is counted.
 */
export async function serveRoutes(routes: Record<string, RouteHandler>): Promise<ServedRoutes> {
  let bytesRead = 0;
  let largestChunk = 0;
  let waiters: { bytes: number; resolve: () => void }[] = [];
  const countChunk = (bytes: number) => {
    bytesRead += bytes;
    largestChunk = Math.max(largestChunk, bytes);
    for (const waiter of waiters.filter((w) => w.bytes <= bytesRead)) waiter.resolve();
    waiters = waiters.filter((w) => w.bytes > bytesRead);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handler = routes[url.pathname];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers(
      Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
    );
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers,
      ...(hasBody ? { body: streamBody(req, countChunk), duplex: "half" } : {}),
    } as RequestInit);
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    bodyBytesRead: () => bytesRead,
    largestBodyChunk: () => largestChunk,
    whenBodyBytesRead: (bytes) =>
      bytes <= bytesRead ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ bytes, resolve })),
  };
}
