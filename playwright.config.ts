import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./scripts/chromium";

/**
 * End-to-end tests in Debian's Chromium against a production build of Bosun in
 * demo mode (emulated WorkOS, Jira and Sentry), on a database of their own.
 * Run through `npm test`, which builds first; or `npm run build && npm run test:e2e`.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Never point browser tests at a real database: they create and delete data.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (databaseUrl && !/^postgres(ql)?:\/\/[^@]*@(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(databaseUrl)) {
  throw new Error(
    `Refusing to run e2e tests against a non-local database (${databaseUrl.replace(/:[^:@/]*@/, ":***@")})`,
  );
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Ceilings, not expectations: a passing test takes what it takes, and a slow or
  // loaded machine (one core, a busy CI host) must not turn waiting into failing.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // A trace of every test (kept for the failed ones) costs about a fifth of the suite's time on two cores; `npm test`
    // turns it off (BOSUN_E2E_TRACES=0) and keeps a screenshot of each failure, `npm run test:e2e` keeps traces.
    trace: process.env.BOSUN_E2E_TRACES === "0" ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      BOSUN_PUBLIC_URL: baseURL,
      LOG_LEVEL: "warn",
      ...(databaseUrl ? { E2E_DATABASE_URL: databaseUrl } : {}),
    },
  },
});
