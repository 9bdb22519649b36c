import { readFileSync } from "node:fs";
import type { NextConfig } from "next";
import { withSentryConfig } from "@sentry/nextjs/config";
import { launchVariables, parseEnv } from "./lib/platform/env/schema";
import { MAX_BODY_BYTES } from "./lib/platform/security/body-limit";
import { securityHeaders } from "./lib/platform/security/response-headers";

// A bad environment fails here, at build and at start, with every problem named.
const env = parseEnv(process.env);

// AuthKit reads its settings from process.env when its module loads. In demo
// mode nothing is set, so fill in the demo values before any route loads it.
for (const [name, value] of Object.entries(launchVariables(env))) process.env[name] ??= value;

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

/** Headers for every response; the nonce-based Content-Security-Policy is set per request in proxy.ts. */
const headers = securityHeaders({ production: env.nodeEnv === "production", publicUrl: env.publicUrl });

const nextConfig: NextConfig = {
  // The e2e suite builds into its own folder so it never replaces the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep Next's dev badge clear of the sidebar's demo-mode note.
  devIndicators: { position: "bottom-right" },
  typedRoutes: false,
  // `npm test` typechecks the whole tree (tsc --noEmit) before it builds for the browser tests; checking the same
  // files again inside that build would only repeat it. Every other build checks types as usual.
  typescript: { ignoreBuildErrors: process.env.BOSUN_BUILD_TYPECHECKED === "1" },
  env: {
    BOSUN_VERSION: version,
    NEXT_PUBLIC_SENTRY_DSN: env.sentry.dsn ?? "",
    NEXT_PUBLIC_SENTRY_ENVIRONMENT: env.sentry.environment,
  },
  serverExternalPackages: ["pino", "pg", "@prisma/adapter-pg"],
  experimental: {
    // Turbopack keeps a build cache for the next build of this checkout; a fresh clone that builds once (CI:
    // .ci/run sets BOSUN_BUILD_CACHE=0) would spend about 20 s writing a cache nothing reads.
    turbopackFileSystemCacheForBuild: process.env.BOSUN_BUILD_CACHE !== "0",
    // Server actions take form fields and ids, never files: 1 MB (as for webhook and MCP bodies) is far above any
    // real payload, and Next.js answers 413 past it.
    serverActions: { bodySizeLimit: MAX_BODY_BYTES },
    // Next.js copies the body of every request proxy.ts sees (its default keeps up to 10 MB per request). Twice the
    // action limit bounds that copy while keeping it longer than the limit, so an oversized action still gets 413
    // rather than arriving cut short.
    proxyClientMaxBodySize: 2 * MAX_BODY_BYTES,
  },
  async headers() {
    return [{ source: "/:path*", headers }];
  },
};

export default withSentryConfig(nextConfig, {
  telemetry: false,
  silent: !process.env.SENTRY_AUTH_TOKEN,
  sourcemaps: { disable: !process.env.SENTRY_AUTH_TOKEN },
  authToken: process.env.SENTRY_AUTH_TOKEN,
  org: process.env.SENTRY_ORG,
  project: process.env.SENTRY_PROJECT,
});
