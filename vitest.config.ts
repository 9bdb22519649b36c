import path from "node:path";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./test/sequencer.ts";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname) },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", ".next-e2e/**", ".next-bench/**", "e2e/**", ".data/**"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup.ts"],
    // AuthKit's ESM imports next/* without extensions, which only Vite resolves; some tests run its real sign-in and callback handlers.
    server: { deps: { inline: ["@workos-inc/authkit-nextjs"] } },
    // Two cores: more workers only add contention. Child processes (the default), not worker threads: threads
    // were faster here (265 s against 441 s) but once ended the run without a report.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    // Ceilings for a slow or loaded machine (one core): no test relies on them to pass.
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
