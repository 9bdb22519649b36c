// npm run doctor: checks what this machine needs to run Bosun and its tests, and says what to do about each problem.
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./db/schema-engine";
import { blocks, formatFindings } from "./doctor/checks";
import { runChecks } from "./doctor/facts";

const envFile = path.join(ROOT, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const findings = await runChecks(["environment", "node", "disk", "ports", "private-folder", "database", "chromium"]);
console.log(formatFindings(findings));
const blocking = blocks(findings);
console.log(
  blocking
    ? "\nFix the ✖ lines above, then run `npm run doctor` again."
    : "\nThis machine is ready for `npm run dev` and `npm test`.",
);
process.exit(blocking ? 1 : 0);
