import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type net from "node:net";

/**
 * A deployment system's rollback hook for tests, on a port of its own: it checks the signature and timestamp as a
 * real receiver would, records each Idempotency-Key once (counting repeats as deliveries), and can hold its answer
 * to the next request until the test lets it go, so a client timeout happens without the test sleeping.
 */
export type ReceivedRollback = {
  idempotencyKey: string;
  body: Record<string, unknown>;
  headers: { timestamp: string; signature: string };
  deliveries: number;
};

export type TestRollbackReceiver = {
  url: string;
  received: ReceivedRollback[];
  /** The next accepted request is recorded at once but answered only when the returned function is called. */
  holdNextAnswer: () => () => void;
  rejected: number;
  close: () => Promise<void>;
};

const sign = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;

export async function startTestRollbackReceiver({ secret }: { secret: string }): Promise<TestRollbackReceiver> {
  const received: ReceivedRollback[] = [];
  let hold: Promise<void> | null = null;
  const state = { rejected: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const timestamp = String(req.headers["x-bosun-timestamp"] ?? "");
      const signature = Buffer.from(String(req.headers["x-bosun-signature"] ?? ""));
      const expected = Buffer.from(sign(secret, timestamp, raw));
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
      if (!fresh || signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
        state.rejected++;
        res.writeHead(401, { "content-type": "application/json" }).end('{"error":"bad signature"}');
        return;
      }
      const key = String(req.headers["idempotency-key"] ?? "");
      const earlier = received.find((r) => r.idempotencyKey === key);
      if (earlier) {
        earlier.deliveries++;
        res.writeHead(200, { "content-type": "application/json" }).end(answerFor(received.indexOf(earlier)));
        return;
      }
      received.push({
        idempotencyKey: key,
        body: JSON.parse(raw) as Record<string, unknown>,
        headers: { timestamp, signature: signature.toString() },
        deliveries: 1,
      });
      const index = received.length - 1;
      const waiting = hold;
      hold = null;
      if (waiting) await waiting;
      if (!res.destroyed) res.writeHead(202, { "content-type": "application/json" }).end(answerFor(index));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    holdNextAnswer: () => {
      let release = () => {};
      hold = new Promise<void>((resolve) => (release = resolve));
      return () => release();
    },
    get rejected() {
      return state.rejected;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const answerFor = (index: number) => JSON.stringify({ status: "accepted", rollbackId: `rb_${index + 1}` });
