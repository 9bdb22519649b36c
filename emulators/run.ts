// npm run emulators [-- --size large] [-- --bosun-url http://127.0.0.1:3000]
// npm run emulators -- send github <create|pull_request> --org acme --branch ACME-12-fix …
import { parseArgs } from "node:util";
import { startAllEmulators } from "./start-all";

if (process.argv[2] === "send" && process.argv[3] === "github") {
  process.argv.splice(2, 2);
  await import("./github/cli");
} else {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "demo" },
      seed: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "bosun-url": { type: "string", default: process.env.BOSUN_PUBLIC_URL ?? "http://127.0.0.1:3000" },
    },
  });
  if (values.size !== "demo" && values.size !== "large") {
    console.error(`--size must be "demo" or "large", not "${values.size}"`);
    process.exit(2);
  }
  const suite = await startAllEmulators({
    host: values.host,
    size: values.size,
    seed: values.seed ? Number(values.seed) : undefined,
    bosunUrl: values["bosun-url"],
  });
  console.log(`Emulators (${values.size} data) — control API under /__emulator/ on each:`);
  for (const [name, url] of Object.entries(suite.urls)) console.log(`  ${name.padEnd(7)} ${url}`);
  const stop = async () => {
    await suite.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
