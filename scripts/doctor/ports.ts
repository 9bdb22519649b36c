import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Which program holds a local TCP port, so a start-up failure can name it
 * instead of printing EADDRINUSE. Linux only (it reads /proc); elsewhere the
 * holder is "another program".
 */

/** Socket inodes listening on `port` in the text of /proc/net/tcp or /proc/net/tcp6. */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes: string[] = [];
  for (const line of procNetTcp.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [, local, , state, , , , , , inode] = fields;
    // State 0A is LISTEN.
    if (local?.split(":")[1] === hexPort && state === "0A" && inode && inode !== "0") inodes.push(inode);
  }
  return inodes;
}

/** A /proc/<pid>/cmdline as a readable command line (arguments are NUL-separated). */
export function formatCmdline(raw: string): string {
  return raw.split("\0").filter(Boolean).join(" ");
}

export type PortHolder = { pid: number; command: string } | null;

function readOr(file: string, fallback = ""): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/** The process listening on `port`, when /proc lets us see it. */
export function findPortHolder(port: number): PortHolder {
  const inodes = new Set([
    ...listeningInodes(readOr("/proc/net/tcp"), port),
    ...listeningInodes(readOr("/proc/net/tcp6"), port),
  ]);
  if (inodes.size === 0) return null;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // another user's process, or gone already
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode))
        return { pid: Number(pid), command: formatCmdline(readOr(`/proc/${pid}/cmdline`)) || "an unnamed process" };
    }
  }
  return null;
}

export function describeHolder(holder: PortHolder): string {
  return holder ? `process ${holder.pid} (${holder.command})` : "another program";
}

/** True when nothing listens on 127.0.0.1:`port` (what Bosun's local services bind). */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** One sentence for a port that is taken: which port, what holds it, and how to move on. */
export function portInUseMessage(port: number, purpose: string, holder: PortHolder, fix: string): string {
  return `Port ${port} (${purpose}) is already in use by ${describeHolder(holder)}: ${fix}.`;
}

/** The sentence for `port` when it is taken, or null when it is free. */
export async function checkPortFree(port: number, purpose: string, fix: string): Promise<string | null> {
  if (await isPortFree(port)) return null;
  return portInUseMessage(port, purpose, findPortHolder(port), fix);
}
