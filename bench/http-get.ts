/** Timed plain-HTTP page loads with the signed-in cookies (the whole HTML body, streamed parts included). */
import http from "node:http";

/** `renderCache`: the x-render-cache header ("hit" when answered from a kept render), null when absent. */
export type PageLoad = {
  status: number;
  ms: number;
  bytes: number;
  location: string | null;
  renderCache: string | null;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

/**
 * A GET on a kept-alive socket the server closed as idle at that very moment fails with ECONNRESET before any
 * answer; it is sent again once on a new socket, as browsers do (and as Node's documentation of `reusedSocket`
 * suggests). Any other error, or a reset on a fresh socket, fails the load.
 */
export async function getPage(url: string, cookieHeader: string): Promise<PageLoad> {
  try {
    return await getPageOnce(url, cookieHeader);
  } catch (error) {
    if (!(error instanceof StaleSocketError)) throw error;
    return getPageOnce(url, cookieHeader);
  }
}

class StaleSocketError extends Error {}

function getPageOnce(url: string, cookieHeader: string): Promise<PageLoad> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const target = new URL(url);
    const req = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: "GET",
        headers: { cookie: cookieHeader, accept: "text/html" },
      },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            bytes,
            location: res.headers.location ?? null,
            renderCache: (res.headers["x-render-cache"] as string | undefined) ?? null,
          }),
        );
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && error.code === "ECONNRESET" ? new StaleSocketError(error.message) : error),
    );
    req.end();
  });
}

export async function getOk(url: string, cookieHeader: string): Promise<PageLoad> {
  const load = await getPage(url, cookieHeader);
  if (load.status !== 200) throw new Error(`GET ${url}: ${load.status}${load.location ? ` → ${load.location}` : ""}`);
  return load;
}

/**
 * A load that must render: after the bench emptied the org's cache, whose DELETE every web process hears and which
 * ends the org's kept renders. One answered from a kept render would time nothing, so it fails the figure.
 */
export async function getCold(url: string, cookieHeader: string): Promise<PageLoad> {
  const load = await getOk(url, cookieHeader);
  if (load.renderCache === "hit") throw new Error(`GET ${url}: a cold load was answered from a kept render`);
  return load;
}

export function closeAgent() {
  agent.destroy();
}
