import "server-only";
import http from "node:http";
import net from "node:net";

/** Helpers for the integration tests: emulator faults, a closed port, and a server that records what clients send. */

/** Sets an emulator's injected faults through its control API, e.g. `{ rateLimitRate: 1 }`. */
export async function setFaults(emulatorUrl: string, faults: Record<string, number | string | null>): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) });
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
export type CannedAnswer = { status: number; contentType: string; body: string };
export type RecordingServer = { url: string; requests: RecordedRequest[]; close: () => Promise<void> };

/** Answers every request with `answer` and keeps each request's headers, for what no emulator logs. */
export async function startRecordingServer(answer: CannedAnswer): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers });
    res.writeHead(answer.status, { "content-type": answer.contentType });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const HTML_PAGE: CannedAnswer = { status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><title>Acme Corp</title><h1>Welcome</h1>" };
