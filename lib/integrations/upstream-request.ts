import "server-only";
import http from "node:http";
import https from "node:https";
import { UPSTREAM_MAX_BODY_BYTES } from "./http";
import { getUpstreamAgents, type UpstreamAgents } from "./upstream-agent";
import { UpstreamAnswerTooLargeError } from "./upstream-errors";

export type UpstreamRequest = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** For the whole exchange, from connecting to the last byte of the answer. */
  timeoutMs: number;
  maxBytes?: number;
  agents?: UpstreamAgents;
};

export type UpstreamAnswer = { status: number; headers: Headers; text: string };

/**
 * One HTTP exchange under the outbound policy: through the pinned agents,
 * never following a redirect (a 3xx is returned as it is), reading at most
 * `maxBytes` of the answer, and giving up after `timeoutMs` with the
 * TimeoutError that AbortSignal.timeout raises.
 */
export function requestUpstream({
  url,
  method,
  headers,
  body,
  timeoutMs,
  maxBytes = UPSTREAM_MAX_BODY_BYTES,
  agents = getUpstreamAgents(),
}: UpstreamRequest): Promise<UpstreamAnswer> {
  const target = new URL(url);
  const isHttps = target.protocol === "https:";
  const deadline = AbortSignal.timeout(timeoutMs);
  return new Promise<UpstreamAnswer>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      deadline.removeEventListener("abort", onDeadline);
      outcome();
    };
    const fail = (error: unknown) =>
      settle(() => {
        request.destroy();
        reject(error);
      });
    const onDeadline = () => fail(deadline.reason);

    const request = (isHttps ? https : http).request(
      target,
      { method, headers, agent: isHttps ? agents.https : agents.http },
      (response) => {
        if (Number(response.headers["content-length"]) > maxBytes)
          return fail(new UpstreamAnswerTooLargeError(maxBytes));
        const chunks: Buffer[] = [];
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) return fail(new UpstreamAnswerTooLargeError(maxBytes));
          chunks.push(chunk);
        });
        response.on("error", fail);
        response.on("end", () =>
          settle(() =>
            resolve({
              status: response.statusCode ?? 0,
              headers: toHeaders(response.headers),
              text: Buffer.concat(chunks).toString("utf8"),
            }),
          ),
        );
      },
    );
    request.on("error", fail);
    deadline.addEventListener("abort", onDeadline, { once: true });
    request.end(body);
  });
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}
