import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * The Node arguments `npm run <name>` uses, so a test starts a process exactly as a user would, with Node
 * flags of its own (`extraNodeArgs`, e.g. a preload) placed before the script. Spawn them with
 * `process.execPath`: npm itself is left out because it would put one more process between the test's
 * signals and the script.
 */
export function npmScriptNodeArgs(name: string, extraNodeArgs: string[] = []): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const command = manifest.scripts[name];
  if (!command) throw new Error(`package.json has no "${name}" script`);
  const [program, ...args] = command.split(/\s+/);
  const script = args.pop()!;
  if (program === "node") return [...args, ...extraNodeArgs, script];
  if (program === "tsx") return [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), ...args, ...extraNodeArgs, script];
  throw new Error(`"${name}" runs ${program}, which npmScriptNodeArgs does not know how to start`);
}
