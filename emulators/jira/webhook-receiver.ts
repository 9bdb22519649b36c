import http from "node:http";
import type { AddressInfo } from "node:net";

/** A local HTTP endpoint for tests that records every webhook and answers with the status its script says. */
export type ReceivedWebhook = { path: string; headers: http.IncomingHttpHeaders; body: string; receivedAt: number };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Statuses for the next requests, in order; afterwards every request gets 200. */
  failNext(statuses: number[]): void;
  /** Holds the answer to the next request for this long. */
  holdNext(ms: number): void;
  clear(): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let script: number[] = [];
  let hold = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ path: req.url ?? "", headers: req.headers, body, receivedAt: Date.now() });
      const status = script.shift() ?? 200;
      const answer = () =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status < 300 }));
      const wait = hold;
      hold = 0;
      if (wait > 0) setTimeout(answer, wait);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext(statuses) {
      script = [...statuses];
    },
    holdNext(ms) {
      hold = ms;
    },
    clear() {
      received.length = 0;
      script = [];
      hold = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** One received delivery with its parsed body; payloads are read field by field in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type ParsedWebhook = { hook: ReceivedWebhook; payload: Record<string, any> };

export function parseReceived(receiver: WebhookReceiver): ParsedWebhook[] {
  return receiver.received.map((hook) => ({ hook, payload: hook.body ? JSON.parse(hook.body) : {} }));
}
