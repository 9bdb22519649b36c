import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // process.env is read in lib/platform/env.ts only (plus build configs, scripts, emulators and tests).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/platform/env.ts." }],
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
  {
    // Cycles make module initialisation order-dependent (undefined imports at load time) and blur layer boundaries.
    files: ["**/*.ts", "**/*.tsx"],
    // Nothing imports a test or a Next.js route entry, so no cycle runs through one; each would only recompute the graph below it.
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/*.spec.ts", "app/**/{page,layout,route,loading,error,not-found,template,default}.{ts,tsx}"],
    // disableScc: the strongly-connected-components pre-pass re-walks the graph below every file nothing else reached, serialising the language options at each edge; here that costs more than it saves.
    rules: { "import/no-cycle": ["error", { ignoreExternal: true, disableScc: true }] },
    // The rule resolves and parses every import; resolutions otherwise expire after 30 s and are redone mid-run.
    settings: { "import/cache": { lifetime: "∞" } },
  },
  {
    // Only lib/db talks to the database; everything else calls its named queries, so SQL, locks and the generated client stay in one place.
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    ignores: ["lib/db/**", "scripts/**", "test/**", "**/*.test.ts", "emulators/**", "bench/**", "prisma/**", "e2e/**", "prisma.config.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "pg", message: "Only lib/db opens database connections." }],
          patterns: [{ group: ["@/lib/db/client", "**/db/client", "@/lib/db/generated/*", "**/db/generated/**", "@prisma/*"], message: "Call a query in lib/db/queries or lib/db/system; for types use @/lib/db/types." }],
        },
      ],
    },
  },
  globalIgnores([".next/**", ".next-e2e/**", ".next-bench/**", "node_modules/**", ".data/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/results/**"]),
]);
