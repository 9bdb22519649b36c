// npm start's web server: Next.js's request handler behind a small node:http front that acknowledges webhook
// deliveries itself (lib/platform/webhooks/front.ts), so an alert storm is not queued behind page renders and the
// Sentry SDK's per-request work, and answers a dashboard page again from the render it made for the same session
// until the org's data changes (lib/platform/render-cache). Started by scripts/launch.ts with the environment it
// prepared.
import http from "node:http";
import { registerHooks } from "node:module";
import { ROOT } from "./db/schema-engine";

// The front loads Bosun's server modules outside a React Server Components bundle, where `server-only` would throw;
// this process is the server, so it resolves to nothing here, as under the react-server condition the worker uses.
registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === "server-only"
      ? { url: "data:text/javascript,export{}", shortCircuit: true }
      : nextResolve(specifier, context),
});

const port = Number(process.env.PORT ?? 3000);
const { default: next } = await import("next");
const app = next({ dev: false, dir: ROOT, hostname: "localhost", port });
const handle = app.getRequestHandler();
// Next.js first: its instrumentation starts Sentry and the in-process job worker the front's deliveries wake.
await app.prepare();
const { matchWebhookRoute, serveWebhook } = await import("../lib/platform/webhooks/front");
const { env } = await import("../lib/platform/env");
const { startRenderCache } = await import("../lib/platform/render-cache/serve");
const renders =
  env.renderCache.seconds > 0
    ? startRenderCache({ databaseUrl: env.databaseUrl, ttlMs: env.renderCache.seconds * 1000 })
    : null;

const server = http.createServer((request, response) => {
  const webhook = matchWebhookRoute(request.method, request.url);
  if (webhook) void serveWebhook(request, response, webhook);
  else if (renders) renders.serve(request, response, handle);
  else void handle(request, response);
});
server.listen(port, () => console.log(`Ready on http://localhost:${port}`));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    void Promise.all([app.close(), renders?.stop()]).finally(() => process.exit(0));
  });
