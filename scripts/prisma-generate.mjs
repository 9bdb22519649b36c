// Runs `prisma generate` offline. The Prisma CLI insists on locating a native
// schema engine even though generating the TypeScript client does not use it;
// where none can be downloaded, pointing it at any existing file is enough.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = process.execPath;
  if (existsSync(placeholder)) env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
