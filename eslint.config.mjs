import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const SOURCE = ["**/*.ts", "**/*.tsx", "**/*.mjs"];
// Tooling, tests and emulators stand outside the app's layers.
const NOT_APP_CODE = [
  "scripts/**",
  "test/**",
  "**/*.test.ts",
  "**/*.test.tsx",
  "emulators/**",
  "bench/**",
  "prisma/**",
  "e2e/**",
  "prisma.config.ts",
];
const NO_FEATURES = {
  group: ["@/lib/features/*", "@/lib/features/**", "**/features/**"],
  message: "Only features (and app/) import features; move the shared piece down a layer.",
};
const DATABASE = {
  group: ["@/lib/db/client", "**/db/client", "@/lib/db/generated/*", "**/db/generated/**", "@prisma/*"],
  message: "Call a query in lib/db/queries or lib/db/system; for types use @/lib/db/types.",
};
function restrictImports(...extra) {
  return [
    "error",
    { paths: [{ name: "pg", message: "Only lib/db opens database connections." }], patterns: [DATABASE, ...extra] },
  ];
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // process.env is read in lib/platform/env.ts only (plus build configs, scripts, emulators and tests).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/platform/env.ts." },
      ],
    },
  },
  {
    files: [
      "lib/platform/env.ts",
      "next.config.ts",
      "playwright.config.ts",
      "vitest.config.ts",
      "prisma.config.ts",
      "instrumentation.ts",
      "sentry.*.config.ts",
      "scripts/**",
      "emulators/**",
      "e2e/**",
      "test/**",
      "bench/**",
      "prisma/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  // Import cycles are checked by test/architecture/import-cycles.test.ts: one parse of the tree in seconds, where
  // a lint rule resolving every import from every file took most of lint's time.
  // Import boundaries (ARCHITECTURE.md). A later block's no-restricted-imports replaces an earlier one for the
  // files both match, so each block carries the database boundary along with its own.
  {
    // Only lib/db talks to the database; everything else calls its named queries, so SQL, locks and the generated client stay in one place.
    files: SOURCE,
    ignores: NOT_APP_CODE,
    rules: { "no-restricted-imports": restrictImports() },
  },
  {
    // What every feature stands on does not depend on a feature: a platform change never has to read feature code.
    files: ["lib/platform/**/*.{ts,tsx}", "lib/integrations/**/*.{ts,tsx}"],
    ignores: NOT_APP_CODE,
    rules: { "no-restricted-imports": restrictImports(NO_FEATURES) },
  },
  {
    files: ["lib/db/**/*.ts"],
    ignores: NOT_APP_CODE,
    rules: { "no-restricted-imports": ["error", { patterns: [NO_FEATURES] }] },
  },
  {
    // Pure rules: no I/O and nothing of the rest of Bosun or of the emulators, so they can be tested hardest and reused anywhere.
    files: ["lib/domain/**/*.ts"],
    ignores: NOT_APP_CODE,
    rules: {
      "no-restricted-imports": restrictImports({
        group: [
          "@/lib/db/*",
          "@/lib/platform/*",
          "@/lib/integrations/*",
          "@/lib/features/*",
          "@/emulators/*",
          "**/emulators/**",
          "@/test/*",
        ],
        message: "lib/domain is pure: pass data in instead of importing I/O.",
      }),
    },
  },
  {
    // Pages, actions and routes call a feature through its index.ts, so a feature's inside can change freely; the
    // database and the services are reached through a feature (or lib/platform), never directly.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: NOT_APP_CODE,
    rules: {
      "no-restricted-imports": restrictImports(
        { group: ["@/lib/features/*/**"], message: "Import a feature through its index: @/lib/features/<name>." },
        {
          group: ["@/lib/db/*", "@/lib/db/**", "@/lib/integrations/*", "@/lib/integrations/**"],
          message: "Call the feature that owns this (its index.ts) or lib/platform; pages do not query or call out.",
        },
      ),
    },
  },
  globalIgnores([
    ".next/**",
    ".next-e2e/**",
    ".next-bench/**",
    "node_modules/**",
    ".data/**",
    "lib/db/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "bench/results/**",
  ]),
]);
