import http from "node:http";
import type { AddressInfo } from "node:net";

/** Forwards requests to an upstream and counts them, so tests can assert how many calls a page makes. */
export async function startCountingProxy(
  upstream: string,
): Promise<{ url: string; count: () => number; reset: () => void; close: () => Promise<void> }> {
  let requests = 0;
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    requests++;
    const forward = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => requests,
    reset: () => {
      requests = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
