/**
 * CPU time a process and its descendants have used so far (user + system, from
 * /proc/<pid>/stat), to explain where latency goes. Descendants count because
 * some services are wrappers (tsx runs the script in a child node process).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

let ticksPerSecond: number | null = null;

type Stat = { pid: number; ppid: number; ticks: number };

function readStat(pid: number): Stat | null {
  try {
    // Fields after the parenthesised command name: state is field 3, ppid field 4; utime and stime are fields 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== null);
  const root = all.find((stat) => stat.pid === pid);
  if (!root) return null;
  const children = new Map<number, Stat[]>();
  for (const stat of all) {
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(stat);
    else children.set(stat.ppid, [stat]);
  }
  let ticks = 0;
  for (const stack = [root]; stack.length > 0;) {
    const stat = stack.pop()!;
    ticks += stat.ticks;
    stack.push(...(children.get(stat.pid) ?? []));
  }
  return (ticks / ticksPerSecond) * 1000;
}

/**
 * Waits until the processes use less than `share` of a core each over `windowMs` (at most `timeoutMs`), and says
 * how long that took. A page load's server work streams on after the browser that asked has its answer (the
 * sign-in's first page read Jira for seconds), and a load figure must not start on top of it.
 */
export async function waitUntilQuiet(
  pids: (number | undefined)[],
  { share = 0.05, windowMs = 500, timeoutMs = 60_000 } = {},
): Promise<{ waitedMs: number; quiet: boolean }> {
  const started = performance.now();
  const cpu = () => pids.map((pid) => processCpuMs(pid) ?? 0);
  while (performance.now() - started < timeoutMs) {
    const before = cpu();
    await sleep(windowMs);
    const after = cpu();
    if (after.every((ms, i) => ms - before[i]! < share * windowMs))
      return { waitedMs: Math.round(performance.now() - started), quiet: true };
  }
  return { waitedMs: Math.round(performance.now() - started), quiet: false };
}
