/**
 * IPv4 and IPv6 addresses as bytes, for range checks. Pure TypeScript with no
 * node:net, so configuration parsing can use it in every runtime.
 */
export type IpAddress = { family: 4 | 6; bytes: readonly number[] };
export type IpNetwork = { network: IpAddress; prefix: number };

/**
 * Reads dotted-decimal IPv4 and any IPv6 spelling (brackets and a zone id
 * allowed). Octal, hex and single-number IPv4 forms are refused: they are how
 * addresses get past naive filters, and no configuration needs them.
 */
export function parseIpAddress(text: string): IpAddress | null {
  const bare = text.trim().replace(/^\[(.*)\]$/, "$1");
  return parseIpv4(bare) ?? parseIpv6(bare);
}

function parseIpv4(text: string): IpAddress | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? { family: 4, bytes } : null;
}

function parseIpv6(text: string): IpAddress | null {
  let hex = text.replace(/%[\w.-]+$/, "");
  const dotted = /^(.*:)([^:]*\.[^:]*)$/.exec(hex);
  if (dotted) {
    const v4 = parseIpv4(dotted[2] ?? "");
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4.bytes;
    hex = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = hex.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groupsOf(halves[0] ?? "");
  const right = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
  return { family: 6, bytes: groups.flatMap((group) => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]) };
}

/** "10.0.0.0/8", "fd00::/8", or a single address (a /32 or /128). */
export function parseCidr(text: string): IpNetwork | null {
  const [address = "", prefixText, ...rest] = text.trim().split("/");
  const network = parseIpAddress(address);
  if (!network || rest.length > 0) return null;
  const max = network.family === 4 ? 32 : 128;
  if (prefixText === undefined) return { network, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { network, prefix: Number(prefixText) };
}

export function isInNetwork(address: IpAddress, { network, prefix }: IpNetwork): boolean {
  if (address.family !== network.family) return false;
  const whole = Math.floor(prefix / 8);
  for (let i = 0; i < whole; i++) if (address.bytes[i] !== network.bytes[i]) return false;
  const rest = prefix % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((address.bytes[whole] ?? 0) & mask) === ((network.bytes[whole] ?? 0) & mask);
}
