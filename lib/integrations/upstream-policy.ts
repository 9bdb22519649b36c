import "server-only";
import { lookup } from "node:dns/promises";
import type { UpstreamHostRule } from "@/lib/platform/env/upstream-hosts";
import { type IpNetwork, isInNetwork, parseCidr, parseIpAddress } from "@/lib/platform/net/ip-address";
import { describeInternalAddress, unwrapIpv4 } from "./ip-ranges";
import { UpstreamAddressRefusedError } from "./upstream-errors";

/**
 * Where Jira and Sentry connections may go. Their URLs are typed by org
 * admins, so without this an admin could make Bosun's server call its own
 * network: loopback services, the cloud metadata endpoint, intranet hosts.
 * Internal addresses are refused unless the operator lists them in
 * BOSUN_ALLOWED_UPSTREAM_HOSTS; the decision is made on the addresses the
 * connection will use (see upstream-agent.ts), not on the name.
 */

export type UpstreamTarget = { host: string; port: number };
export type ResolvedAddress = { address: string; family: number };
export type ResolveHost = (
  hostname: string,
  options: { family?: number; hints?: number },
) => Promise<ResolvedAddress[]>;

export type UpstreamPolicy = {
  resolve: ResolveHost;
  /**
   * Null when the target may be reached at these addresses, else the refusal.
   * With no addresses it judges the name alone, which is done before any lookup.
   */
  check(target: UpstreamTarget, addresses: string[]): UpstreamAddressRefusedError | null;
};

/** Names that reach a cloud provider's metadata service from inside it, whatever public DNS says. */
const METADATA_HOST_NAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
]);

const ALLOW_HINT = "add it to BOSUN_ALLOWED_UPSTREAM_HOSTS to allow it";

const resolveAll: ResolveHost = (hostname, { family, hints }) =>
  lookup(hostname, { all: true, family: family ?? 0, hints: hints ?? 0 });

export const normalizeHost = (host: string) =>
  host
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "")
    .toLowerCase();

const withArticle = (label: string) => `${/^(un[^i]|[aeio])/i.test(label) ? "an" : "a"} ${label}`;

export function createUpstreamPolicy({
  allowedHosts,
  resolve = resolveAll,
}: {
  allowedHosts: UpstreamHostRule[];
  resolve?: ResolveHost;
}): UpstreamPolicy {
  const names = allowedHosts.flatMap((rule) => (rule.kind === "name" ? [rule] : []));
  const networks = allowedHosts.flatMap((rule) =>
    rule.kind === "network" ? [{ network: parseCidr(rule.cidr) as IpNetwork, port: rule.port }] : [],
  );
  const portMatches = (allowed: number | null, port: number) => allowed === null || allowed === port;

  function isAddressAllowed(text: string, port: number): boolean {
    const parsed = parseIpAddress(text);
    if (!parsed) return false;
    const candidates = [parsed, unwrapIpv4(parsed)];
    return networks.some(
      ({ network, port: allowed }) =>
        portMatches(allowed, port) && candidates.some((address) => isInNetwork(address, network)),
    );
  }

  function check({ host, port }: UpstreamTarget, addresses: string[]): UpstreamAddressRefusedError | null {
    const name = normalizeHost(host);
    if (names.some((rule) => rule.name === name && portMatches(rule.port, port))) return null;
    if (METADATA_HOST_NAMES.has(name))
      return new UpstreamAddressRefusedError(`${name} is a cloud metadata service name; ${ALLOW_HINT}`);
    for (const address of addresses) {
      const label = describeInternalAddress(address);
      if (label === null || isAddressAllowed(address, port)) continue;
      const isLiteral = parseIpAddress(name) !== null;
      return new UpstreamAddressRefusedError(
        isLiteral
          ? `${name} is ${withArticle(label)} address; ${ALLOW_HINT}`
          : `${name} resolves to ${withArticle(label)} address (${address}); ${ALLOW_HINT}`,
      );
    }
    return null;
  }

  return { resolve, check };
}
