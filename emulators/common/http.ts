import http from "node:http";
import type { AddressInfo } from "node:net";
import { type FaultController, createFaultController } from "./faults";
import { type WebhookLog, createWebhookLog } from "./webhooks";

/**
 * A tiny HTTP framework shared by the three emulators: routing with `:params`,
 * body parsing, fault injection and the `/__emulator/` control API. Emulators
 * add their own routes; nothing here knows about Jira, Sentry or WorkOS.
 */

export type EmulatorRequest = {
  method: string;
  url: URL;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** The body's bytes, for binary or compressed payloads (e.g. gzip-encoded Sentry envelopes). */
  rawBytes?: Buffer;
};

export type EmulatorResponse = {
  status: number;
  headers?: Record<string, string>;
  /** Objects and arrays are sent as JSON; strings as-is (set content-type yourself). */
  body?: unknown;
};

export type Handler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

type Route = { method: string; regex: RegExp; names: string[]; handler: Handler };

export class BadJsonError extends Error {}

export function parseJson<T = unknown>(req: EmulatorRequest): T {
  if (!req.rawBody) return {} as T;
  try {
    return JSON.parse(req.rawBody) as T;
  } catch {
    throw new BadJsonError("Request body is not valid JSON");
  }
}

export function parseForm(req: EmulatorRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody);
}

export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const names: string[] = [];
    const source = pattern
      .split("/")
      .map((part) => {
        if (part.startsWith(":")) {
          names.push(part.slice(1));
          return "([^/]+)";
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    this.routes.push({ method, regex: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  get(pattern: string, handler: Handler) {
    return this.add("GET", pattern, handler);
  }
  post(pattern: string, handler: Handler) {
    return this.add("POST", pattern, handler);
  }
  put(pattern: string, handler: Handler) {
    return this.add("PUT", pattern, handler);
  }
  delete(pattern: string, handler: Handler) {
    return this.add("DELETE", pattern, handler);
  }

  /** Returns the handler and params, or "method" when the path exists under another method. */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | "method" | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] as string);
      });
      return { handler: route.handler, params };
    }
    return pathMatched ? "method" : null;
  }
}

export type EmulatorOptions = {
  name: string;
  router: Router;
  /** Resets state to the seed; called by POST /__emulator/reset. */
  reset: (options: { size?: string; seed?: number }) => void | Promise<void>;
  /** Extra control information for GET /__emulator/state. */
  describe?: () => unknown;
  /** How this service says "not found" / "bad request" in its own error shape. */
  errorBody: (status: number, message: string) => unknown;
  /** Extra control routes (mounted under /__emulator/). */
  control?: Router;
  webhooks?: WebhookLog;
};

/** What every emulator's start function accepts. */
export type EmulatorStartOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  size?: "demo" | "large";
  seed?: number;
  now?: Date;
  /** Base URL of the Bosun app that webhooks are delivered to, e.g. http://127.0.0.1:3000. */
  bosunUrl?: string;
};

export type RunningEmulator = {
  url: string;
  port: number;
  faults: FaultController;
  webhooks: WebhookLog;
  close: () => Promise<void>;
};

export function sendJson(res: http.ServerResponse, response: EmulatorResponse) {
  const headers: Record<string, string> = { ...response.headers };
  let payload: string | undefined;
  if (response.body !== undefined && response.body !== null) {
    if (typeof response.body === "string") {
      payload = response.body;
    } else {
      payload = JSON.stringify(response.body);
      headers["content-type"] ??= "application/json;charset=UTF-8";
    }
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** Closes the socket with a TCP reset before any byte of the answer, the way a proxy or a crashed server loses it. */
function dropConnection(res: http.ServerResponse) {
  const socket = res.socket;
  if (!socket || socket.destroyed) return;
  socket.resetAndDestroy();
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function createEmulatorServer(options: EmulatorOptions) {
  const faults = createFaultController();
  const webhooks = options.webhooks ?? createWebhookLog();
  const control = buildControlRouter(options, faults, webhooks);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    const isControl = url.pathname.startsWith("/__emulator/");
    let dropResponse = false;
    // A dropped response is decided before the handler runs, so the write is applied and only the answer is lost.
    const answer = (response: EmulatorResponse) => (dropResponse ? dropConnection(res) : sendJson(res, response));
    try {
      const rawBytes = await readBody(req);
      const rawBody = rawBytes.toString("utf8");
      if (!isControl) {
        const injected = await faults.apply({ method: req.method ?? "GET", path: url.pathname });
        if (injected === "hang") return; // never answer: the client's timeout must fire
        if (injected === "drop") dropResponse = true;
        else if (injected)
          return sendJson(res, { ...injected, body: options.errorBody(injected.status, String(injected.body)) });
      }
      const router = isControl ? control : options.router;
      const path = isControl ? url.pathname.slice("/__emulator".length) : url.pathname;
      const match = router.match(req.method ?? "GET", path);
      if (match === null)
        return answer({ status: 404, body: options.errorBody(404, `No route for ${req.method} ${url.pathname}`) });
      if (match === "method")
        return answer({ status: 405, body: options.errorBody(405, `Method ${req.method} not allowed`) });
      const response = await match.handler({
        method: req.method ?? "GET",
        url,
        path: url.pathname,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        rawBytes,
      });
      answer(response);
    } catch (error) {
      if (error instanceof BadJsonError) return answer({ status: 400, body: options.errorBody(400, error.message) });
      console.error(`[${options.name}]`, error);
      if (!res.headersSent) answer({ status: 500, body: options.errorBody(500, "Internal emulator error") });
    }
  });
  server.keepAliveTimeout = 65_000;

  return {
    server,
    faults,
    webhooks,
    listen(port: number, host = "127.0.0.1"): Promise<RunningEmulator> {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const url = `http://${host}:${address.port}`;
          resolve({
            url,
            port: address.port,
            faults,
            webhooks,
            close: () =>
              new Promise<void>((done) => {
                server.closeAllConnections();
                server.close(() => done());
              }),
          });
        });
      });
    },
  };
}

function buildControlRouter(options: EmulatorOptions, faults: FaultController, webhooks: WebhookLog): Router {
  const router = options.control ?? new Router();
  router
    .get("/health", () => ({ status: 200, body: { status: "ok", emulator: options.name } }))
    .get("/state", () => ({
      status: 200,
      body: { emulator: options.name, faults: faults.get(), ...(options.describe?.() as object) },
    }))
    .post("/reset", async (req) => {
      const body = parseJson<{ size?: string; seed?: number }>(req);
      if (body.size !== undefined && body.size !== "demo" && body.size !== "large") {
        return { status: 400, body: { error: "size must be 'demo' or 'large'" } };
      }
      await options.reset(body);
      faults.clear();
      webhooks.clear();
      return { status: 200, body: { status: "reset", size: body.size ?? "demo" } };
    })
    .get("/faults", () => ({ status: 200, body: faults.get() }))
    .put("/faults", (req) => {
      const result = faults.set(parseJson(req));
      return result.ok ? { status: 200, body: faults.get() } : { status: 400, body: { error: result.error } };
    })
    .delete("/faults", () => {
      faults.clear();
      return { status: 200, body: faults.get() };
    })
    .get("/webhooks", () => ({ status: 200, body: { webhooks: webhooks.list() } }))
    .delete("/webhooks", () => {
      webhooks.clear();
      return { status: 204 };
    });
  return router;
}

export async function closeServer(server: http.Server) {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
