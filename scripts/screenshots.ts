// npm run screenshots: builds the production app when no build is there yet, then walks every page with the
// screenshot config (playwright.screenshots.config.ts) into screenshots/, which git ignores.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/schema-engine";

const env = { ...process.env, NEXT_DIST_DIR: ".next-e2e", NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const run = (command: string, args: string[]) => {
  const { status } = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
};

if (!existsSync(path.join(ROOT, ".next-e2e/BUILD_ID")) || process.argv.includes("--build")) run(bin("next"), ["build"]);
run(bin("playwright"), ["test", "--config=playwright.screenshots.config.ts"]);
console.log(`Screenshots are in ${path.join(ROOT, "screenshots")}`);
