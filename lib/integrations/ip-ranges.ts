import "server-only";
import { type IpAddress, type IpNetwork, isInNetwork, parseCidr, parseIpAddress } from "@/lib/platform/net/ip-address";

/**
 * Address ranges an integration must not reach unless the operator allows
 * them: everything that is not ordinary public unicast. The order matters:
 * the first matching range names the address in messages.
 */
const V4_RANGES: [cidr: string, label: string][] = [
  ["169.254.169.254/32", "cloud metadata"], // AWS, GCP, Azure, Oracle, DigitalOcean…
  ["168.63.129.16/32", "cloud metadata"], // Azure's wire server
  ["100.100.100.200/32", "cloud metadata"], // Alibaba Cloud
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "carrier-grade NAT"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "documentation"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "benchmarking"],
  ["198.51.100.0/24", "documentation"],
  ["203.0.113.0/24", "documentation"],
  ["224.0.0.0/4", "multicast"],
  ["255.255.255.255/32", "broadcast"],
  ["240.0.0.0/4", "reserved"],
];

const V6_RANGES: [cidr: string, label: string][] = [
  ["fd00:ec2::254/128", "cloud metadata"], // AWS over IPv6
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["64:ff9b:1::/48", "reserved"],
  ["100::/64", "reserved"],
  ["2001:db8::/32", "documentation"],
  ["2001::/32", "Teredo"],
  ["fc00::/7", "unique-local"],
  ["fe80::/10", "link-local"],
  ["fec0::/10", "site-local"],
  ["ff00::/8", "multicast"],
];

/** IPv6 forms that carry an IPv4 address, which is what the packets end up reaching. */
const V4_CARRIERS: [cidr: string, offset: number][] = [
  ["::ffff:0:0/96", 12], // IPv4-mapped
  ["64:ff9b::/96", 12], // NAT64
  ["2002::/16", 2], // 6to4
];

const GLOBAL_UNICAST = parseCidr("2000::/3") as IpNetwork;

const compile = (ranges: [string, string][]) =>
  ranges.map(([cidr, label]) => ({ network: parseCidr(cidr) as IpNetwork, label }));
const v4Ranges = compile(V4_RANGES);
const v6Ranges = compile(V6_RANGES);
const v4Carriers = V4_CARRIERS.map(([cidr, offset]) => ({ network: parseCidr(cidr) as IpNetwork, offset }));

/** The IPv4 address an IPv6 one stands for, or the address itself. */
export function unwrapIpv4(address: IpAddress): IpAddress {
  if (address.family === 4) return address;
  const carrier = v4Carriers.find(({ network }) => isInNetwork(address, network));
  return carrier ? { family: 4, bytes: address.bytes.slice(carrier.offset, carrier.offset + 4) } : address;
}

/**
 * What kind of internal address this is ("private", "loopback", "cloud
 * metadata"…), or null for public unicast. Anything unreadable counts as
 * internal: the policy never guesses in the caller's favour.
 */
export function describeInternalAddress(text: string): string | null {
  const parsed = parseIpAddress(text);
  if (!parsed) return "unreadable";
  const address = unwrapIpv4(parsed);
  if (address.family === 4) return v4Ranges.find(({ network }) => isInNetwork(address, network))?.label ?? null;
  const range = v6Ranges.find(({ network }) => isInNetwork(address, network));
  if (range) return range.label;
  // Outside 2000::/3 nothing is assigned for ordinary use (::/96 IPv4-compatible included).
  return isInNetwork(address, GLOBAL_UNICAST) ? null : "reserved";
}
