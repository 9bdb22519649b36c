import "server-only";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { EVERY_ORG, listenForOrgDataChanges } from "@/lib/db/system/org-data-changes";
import { logger } from "@/lib/platform/observability/logger";
import { REQUEST_ID_HEADER, resolveRequestId } from "@/lib/platform/observability/request-id";
import { createNonce } from "@/lib/platform/security/csp";
import { captureResponse, GZIP_OPTIONS, withVary, type CapturedResponse } from "./capture";
import { OrgChangeLog } from "./changes";
import { dashboardPageRequest, type PageRequest } from "./page-requests";
import { joinWithNonce, PageStore, splitAtNonce, type KeptPage } from "./store";
import { closeTicket, openTicket, RENDER_TICKET_HEADER } from "./tickets";

const gzip = promisify(zlib.gzip);

/** Says whether an answer came from a kept render; the bench and the tests read it. */
export const RENDER_CACHE_HEADER = "x-render-cache";
/** Headers that belong to one answer, never to a kept render. */
const PER_ANSWER = new Set([
  "content-length",
  "server-timing",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  REQUEST_ID_HEADER,
  RENDER_CACHE_HEADER,
]);
const NONCE_IN_CSP = /'nonce-([A-Za-z0-9+/=_-]+)'/;

export type RenderCacheOptions = {
  databaseUrl: string;
  /** How long a render may be answered from (the session's access token may end it sooner). */
  ttlMs: number;
  maxBytes?: number;
  maxPageBytes?: number;
  clock?: () => number;
};

export type RenderCache = {
  /** Answers a request: from a kept render, or through `handle` (keeping the render when it may be kept). */
  serve: (
    request: IncomingMessage,
    response: ServerResponse,
    handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  ) => void;
  /** Resolves once the change feed is listening (renders are kept only then). */
  listening: () => Promise<void>;
  stop: () => Promise<void>;
  /** Kept pages and their bytes, answers from them and renders, and how many data changes this process heard. */
  stats: () => { pages: number; bytes: number; hits: number; misses: number; changesHeard: number };
};

/**
 * Dashboard renders kept in this process's memory and answered again to the same browser session (same cookies, same
 * URL), so a team opening the sprint and errors pages at once does not queue React renders of the same HTML:
 * - kept only when the render passed requireOrg for the org in the URL (tickets.ts), answered 200 HTML without
 *   setting a cookie, and no error reached Next.js;
 * - for at most `ttlMs`, never past the session's access token, and never after a change to the org's data
 *   committed anywhere (a trigger's NOTIFY, lib/db/system/org-data-changes.ts); while the feed is not listening,
 *   nothing is kept or answered;
 * - each answer gets a CSP nonce of its own, written into the kept HTML where the render's was.
 * Times on the page ("Updated 3 min ago") are brought up to date in the browser (components/ui/relative-time.tsx).
 */
export function startRenderCache(options: RenderCacheOptions): RenderCache {
  const clock = options.clock ?? Date.now;
  const store = new PageStore(options.maxBytes ?? 64 * 1024 * 1024);
  const changes = new OrgChangeLog();
  const maxPageBytes = options.maxPageBytes ?? 4 * 1024 * 1024;
  let hits = 0;
  let misses = 0;
  let changesHeard = 0;
  let markListening: () => void;
  const listeningNow = new Promise<void>((resolve) => (markListening = resolve));

  const stopListening = listenForOrgDataChanges(options.databaseUrl, {
    onNotify: (payload) => {
      const everyOrg = payload === EVERY_ORG;
      changesHeard += 1;
      changes.record(payload, everyOrg);
      if (everyOrg) store.clear();
      else store.dropOrg(payload);
    },
    onUp: () => {
      changes.up();
      store.clear();
      markListening();
    },
    onDown: () => {
      changes.down();
      store.clear();
    },
  });

  const keep = (
    page: PageRequest,
    ticketId: string,
    began: { position: number; at: number },
    captured: CapturedResponse,
  ) => {
    const ticket = closeTicket(ticketId);
    const org = ticket?.orgs.get(page.orgSlug);
    if (!ticket || ticket.spoiled || ticket.orgs.size !== 1 || !org?.tokenExpiresAt) return;
    const now = clock();
    // Counted from the render's start: a kept answer is never older than `ttlMs`, however long the render took.
    const expiresAt = Math.min(began.at + options.ttlMs, org.tokenExpiresAt);
    if (expiresAt <= now || !changes.unchangedSince(org.orgId, began.position)) return;
    const headers = keptHeaders(captured.headers);
    const nonce = headers.map(([, value]) => NONCE_IN_CSP.exec(value)?.[1]).find(Boolean) ?? null;
    const parts = splitAtNonce(captured.body, nonce);
    store.put(page.key, {
      orgId: org.orgId,
      status: captured.status,
      headers,
      nonce,
      parts,
      bytes: captured.body.byteLength,
      position: began.position,
      renderedAt: began.at,
      expiresAt,
    });
  };

  return {
    serve(request, response, handle) {
      // Only this front hands out tickets: one a client sends is never believed.
      delete request.headers[RENDER_TICKET_HEADER];
      const page = dashboardPageRequest(request.method, request.url, request.headers);
      if (!page) return void handle(request, response);
      const kept = store.get(page.key, clock());
      if (kept && changes.unchangedSince(kept.orgId, kept.position)) {
        hits += 1;
        return void answerFromKept(request, response, kept, {
          acceptsGzip: page.acceptsGzip,
          ageMs: clock() - kept.renderedAt,
        });
      }
      misses += 1;
      const began = { position: changes.now(), at: clock() };
      const ticketId = openTicket();
      request.headers[RENDER_TICKET_HEADER] = ticketId;
      // Next.js answers in plain text, so the render can be kept; captureResponse compresses it for the client.
      delete request.headers["accept-encoding"];
      response.setHeader(RENDER_CACHE_HEADER, "miss");
      captureResponse(response, {
        gzip: page.acceptsGzip,
        maxBytes: maxPageBytes,
        onComplete: (captured) => keep(page, ticketId, began, captured),
      });
      response.once("close", () => closeTicket(ticketId));
      void handle(request, response);
    },
    listening: () => listeningNow,
    stop: stopListening,
    stats: () => ({ pages: store.size, bytes: store.bytes, hits, misses, changesHeard }),
  };
}

function keptHeaders(headers: OutgoingHttpHeaders): [string, string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_ANSWER.has(name.toLowerCase())) continue;
    for (const one of Array.isArray(value) ? value : [value]) kept.push([name, String(one)]);
  }
  return kept;
}

async function answerFromKept(
  request: IncomingMessage,
  response: ServerResponse,
  kept: KeptPage,
  { acceptsGzip, ageMs }: { acceptsGzip: boolean; ageMs: number },
) {
  const requestId = resolveRequestId(headerValue(request.headers[REQUEST_ID_HEADER]));
  logger.info({ requestId, method: request.method, path: request.url?.split("?")[0], renderCache: "hit" }, "request");
  try {
    const nonce = createNonce();
    const headers: string[] = [];
    for (const [name, value] of kept.headers) {
      const own = kept.nonce ? value.replaceAll(kept.nonce, nonce) : value;
      if (name.toLowerCase() !== "vary" || !acceptsGzip) headers.push(name, own);
    }
    // The render's age: the page's relative times add it in the browser (components/ui/relative-time.tsx).
    headers.push(
      "server-timing",
      `age;dur=${Math.max(0, ageMs)}`,
      REQUEST_ID_HEADER,
      requestId,
      RENDER_CACHE_HEADER,
      "hit",
    );
    if (acceptsGzip) {
      const body = await gzip(joinWithNonce(kept.parts, nonce), GZIP_OPTIONS);
      const vary = kept.headers.find(([name]) => name.toLowerCase() === "vary")?.[1];
      headers.push("content-encoding", "gzip", "vary", withVary(vary, "accept-encoding"));
      headers.push("content-length", String(body.byteLength));
      response.writeHead(kept.status, headers);
      return void response.end(body);
    }
    // Plain: the kept parts go out as they are, with the new nonce between them, without copying the page.
    const needle = Buffer.from(nonce);
    const length = kept.bytes + (kept.parts.length - 1) * (needle.byteLength - Buffer.byteLength(kept.nonce ?? ""));
    headers.push("content-length", String(length));
    response.writeHead(kept.status, headers);
    response.cork();
    kept.parts.forEach((part, index) => {
      if (index > 0) response.write(needle);
      response.write(part);
    });
    response.uncork();
    response.end();
  } catch (error) {
    logger.error({ err: error, requestId }, "a kept render could not be sent");
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
    response.end("Bosun could not send this page. Reload it.");
  }
}

const headerValue = (value: string | string[] | undefined) =>
  Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
