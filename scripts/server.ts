// npm start's web server: Next.js's request handler behind a small node:http front that acknowledges webhook
// deliveries itself (lib/platform/webhooks/front.ts), so an alert storm is not queued behind page renders and the
// Sentry SDK's per-request work. Started by scripts/launch.ts with the environment it prepared.
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

const server = http.createServer((request, response) => {
  const webhook = matchWebhookRoute(request.method, request.url);
  if (webhook) void serveWebhook(request, response, webhook);
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
    void app.close().finally(() => process.exit(0));
  });
