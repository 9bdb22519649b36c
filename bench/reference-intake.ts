/**
 * Figure 14 (6b)'s yardstick: the least a webhook intake can do, in a process of its own. Plain `node:http`, the
 * Sentry signature checked (HMAC-SHA256 of the body, constant-time compare), the body parsed, and one INSERT per
 * delivery into the same PostgreSQL, deduplicated on the body's hash; answered 202 after the INSERT. No framework,
 * no validation beyond JSON, no job queued. Bosun's intake is measured against this in the same run.
 *
 * Usage (by bench/intake-throughput.ts): tsx bench/reference-intake.ts <port> <databaseUrl> <secret>
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import pg from "pg";

const [port, databaseUrl, secret] = process.argv.slice(2);
if (!port || !databaseUrl || !secret) throw new Error("usage: reference-intake.ts <port> <databaseUrl> <secret>");

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_reference_delivery (
  id bigserial PRIMARY KEY, key text NOT NULL UNIQUE, body jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);

const answer = (response: http.ServerResponse, status: number, body: object) => {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
};

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const expected = createHmac("sha256", secret).update(body, "utf8").digest();
    const given = Buffer.from(String(request.headers["sentry-hook-signature"] ?? ""), "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return answer(response, 401, { error: "invalid_signature" });
    try {
      JSON.parse(body);
    } catch {
      return answer(response, 400, { error: "invalid_json" });
    }
    const key = createHash("sha256").update(`${request.headers["sentry-hook-resource"]}\n${body}`).digest("hex");
    pool
      .query(`INSERT INTO bench_reference_delivery (key, body) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
        key,
        body,
      ])
      .then(
        () => answer(response, 202, { status: "accepted" }),
        () => answer(response, 500, { error: "insert_failed" }),
      );
  });
});
server.listen(Number(port), "127.0.0.1", () => console.log("ready"));
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
