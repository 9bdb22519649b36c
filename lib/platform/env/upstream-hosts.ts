import { parseCidr } from "../net/ip-address";

/**
 * BOSUN_ALLOWED_UPSTREAM_HOSTS: the hosts and networks Bosun may call although
 * they are loopback, private or otherwise internal (a self-hosted Jira on the
 * intranet, the demo's emulators). Comma-separated; each item is a host name,
 * host:port, an IP address (IPv6 in brackets when a port follows), or a CIDR range.
 */
export type UpstreamHostRule =
  { kind: "name"; name: string; port: number | null } | { kind: "network"; cidr: string; port: number | null };

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

export function parseUpstreamHosts(value: string): { rules: UpstreamHostRule[]; invalid: string[] } {
  const rules: UpstreamHostRule[] = [];
  const invalid: string[] = [];
  for (const item of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const rule = parseRule(item);
    if (rule) rules.push(rule);
    else invalid.push(item);
  }
  return { rules, invalid };
}

function parseRule(item: string): UpstreamHostRule | null {
  // A bare IPv6 address or range has colons of its own, so it never carries a port.
  if (parseCidr(item)) return { kind: "network", cidr: item.toLowerCase(), port: null };
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(item);
  if (bracketed) return withPort(bracketed[1] ?? "", bracketed[2]);
  const [host = "", port, ...rest] = item.split(":");
  return rest.length > 0 ? null : withPort(host, port);
}

function withPort(host: string, portText: string | undefined): UpstreamHostRule | null {
  const port = portText === undefined ? null : Number(portText);
  if (port !== null && (!/^\d{1,5}$/.test(portText ?? "") || port < 1 || port > 65535)) return null;
  if (parseCidr(host)) return { kind: "network", cidr: host.toLowerCase(), port };
  const name = host.toLowerCase().replace(/\.$/, "");
  return HOST_NAME.test(name) && !/^[\d.]+$/.test(name) ? { kind: "name", name, port } : null;
}
