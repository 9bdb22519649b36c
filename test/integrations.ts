import "server-only";
import http from "node:http";
import net from "node:net";

/** Helpers for the integration tests: emulator faults, a closed port, and a server that records what clients send. */

/** Sets an emulator's injected faults through its control API, e.g. `{ rateLimitRate: 1 }` or `{ dropResponseCount: 2, methods: ["POST"] }`. */
export async function setFaults(
  emulatorUrl: string,
  faults: Record<string, number | string | string[] | null>,
): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`setting faults failed: ${response.status} ${await response.text()}`);
}

export async function clearFaults(emulatorUrl: string): Promise<void> {
  await fetch(`${emulatorUrl}/__emulator/faults`, { method: "DELETE" });
}

/** A URL on 127.0.0.1 where nothing listens: a port the OS handed out and took back. */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export type RecordedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders };
export type CannedAnswer = { status: number; contentType: string; body: string; headers?: Record<string, string> };
export type RecordingServer = {
  url: string;
  port: number;
  requests: RecordedRequest[];
  connections: () => number;
  close: () => Promise<void>;
};

/** Answers every request with `answer` and keeps each request's headers, for what no emulator logs. */
export async function startRecordingServer(answer: CannedAnswer): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers });
    res.writeHead(answer.status, { ...answer.headers, "content-type": answer.contentType });
    res.end(answer.body);
  });
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const HTML_PAGE: CannedAnswer = {
  status: 200,
  contentType: "text/html; charset=utf-8",
  body: "<!doctype html><title>Acme Corp</title><h1>Welcome</h1>",
};

/** Answers 302 to `location`, the way a site moved elsewhere (or a hostile one) would. */
export function redirectTo(location: string): CannedAnswer {
  return { status: 302, contentType: "text/html", body: `<a href="${location}">Moved</a>`, headers: { location } };
}

export type FloodServer = { url: string; connections: () => number; close: () => Promise<void> };

/** Streams `totalBytes` of JSON-looking filler without a Content-Length, honouring backpressure, to every request. */
export async function startFloodServer(totalBytes: number): Promise<FloodServer> {
  let connections = 0;
  const chunk = Buffer.alloc(64 * 1024, "0,");
  const server = http.createServer(async (req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    let sent = 0;
    while (sent < totalBytes && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once("drain", resolve).once("close", resolve));
    }
    if (!res.destroyed) res.end("0");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Keeps every socket `agent` opens, so a test can see how much was read from the network. */
export function watchSockets(agent: http.Agent): net.Socket[] {
  const sockets: net.Socket[] = [];
  const open = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = open(options, callback);
    if (socket) sockets.push(socket as net.Socket);
    return socket;
  };
  return sockets;
}
