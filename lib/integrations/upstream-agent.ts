import "server-only";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Duplex } from "node:stream";
import { env } from "@/lib/platform/env";
import type { UpstreamAddressRefusedError } from "./upstream-errors";
import { createUpstreamPolicy, normalizeHost, type UpstreamPolicy, type UpstreamTarget } from "./upstream-policy";

export type UpstreamAgents = { http: http.Agent; https: https.Agent };

// What Node's global agent uses: keep connections, reuse the most recent, drop idle ones after 5 s.
const AGENT_OPTIONS = { keepAlive: true, scheduling: "lifo", timeout: 5_000 } as const;

/**
 * The address a socket connects to is the address the policy checked: the
 * check runs inside the socket's own `lookup`, so no second resolution can
 * hand the connection a different (rebound) answer. An IP address in the URL
 * skips lookup altogether, so it is checked before the socket is made. TLS
 * still sees the host name, for SNI and the certificate check.
 */
function pinConnection<T extends http.ClientRequestArgs>(
  policy: UpstreamPolicy,
  options: T,
  defaultPort: number,
): T | UpstreamAddressRefusedError {
  const host = normalizeHost(String(options.host ?? options.hostname ?? "localhost"));
  const target: UpstreamTarget = { host, port: Number(options.port ?? defaultPort) };
  if (net.isIP(host)) return policy.check(target, [host]) ?? { ...options, host };
  return { ...options, lookup: pinnedLookup(policy, target) };
}

function pinnedLookup(policy: UpstreamPolicy, target: UpstreamTarget): net.LookupFunction {
  return (hostname, options, callback) => {
    const answer = (error: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[] = []) =>
      // Outside the promise chain, so an exception in the socket's callback is not swallowed as a rejection.
      process.nextTick(() => {
        if (error) callback(error, "", 0);
        else if (options.all) callback(null, addresses);
        else callback(null, addresses[0]?.address ?? "", addresses[0]?.family ?? 0);
      });
    const refusedName = policy.check(target, []);
    if (refusedName) return answer(refusedName);
    const family =
      typeof options.family === "number"
        ? options.family
        : options.family === "IPv6"
          ? 6
          : options.family === "IPv4"
            ? 4
            : undefined;
    policy.resolve(hostname, { family, hints: options.hints }).then(
      (addresses) => {
        if (addresses.length === 0)
          return answer(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
        answer(
          policy.check(
            target,
            addresses.map(({ address }) => address),
          ),
          addresses,
        );
      },
      (error: NodeJS.ErrnoException) => answer(error),
    );
  };
}

type ConnectionCallback = (error: Error | null, socket: Duplex) => void;

/** Node's agent takes an error and no socket when a connection cannot be made; the request then fails with it. */
function refuseConnection(callback: ConnectionCallback | undefined, error: Error): undefined {
  const report = callback as ((error: Error) => void) | undefined;
  process.nextTick(() => report?.(error));
  return undefined;
}

/** Routes every socket an agent makes through the policy, keeping the agent's own (plain or TLS) connect. */
function pinAgent<A extends http.Agent>(agent: A, policy: UpstreamPolicy, defaultPort: number): A {
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (options: http.ClientRequestArgs, callback?: ConnectionCallback) => {
    const pinned = pinConnection(policy, options, defaultPort);
    if (pinned instanceof Error) return refuseConnection(callback, pinned);
    return connect(pinned, callback);
  };
  return agent;
}

export function createUpstreamAgents(policy: UpstreamPolicy): UpstreamAgents {
  return {
    http: pinAgent(new http.Agent(AGENT_OPTIONS), policy, 80),
    https: pinAgent(new https.Agent(AGENT_OPTIONS), policy, 443),
  };
}

let shared: UpstreamAgents | undefined;

/** The agents every Jira and Sentry call goes through, under the configured allow-list. */
export function getUpstreamAgents(): UpstreamAgents {
  shared ??= createUpstreamAgents(createUpstreamPolicy({ allowedHosts: env.allowedUpstreamHosts }));
  return shared;
}
