/**
 * Figure 4: first-load JS per dashboard route, gzip, from the production build
 * output. Next 16 (Turbopack) does not print sizes, so this reads the build's
 * manifests: the root main files every App Router page loads
 * (`server/app/<route>/page/build-manifest.json` → rootMainFiles) plus the
 * client chunks of the route's entry and of every layout, error, loading,
 * template and not-found boundary above it (`page_client-reference-manifest.js`
 * → entryJSFiles). Each distinct file is gzipped with node:zlib (level 9) and summed.
 * The nomodule polyfill file is left out, as Next's own size report does.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { round } from "./stats";
import type { Figure } from "./types";

export const DASHBOARD_ROUTES = [
  "/(app)/[orgSlug]",
  "/(app)/[orgSlug]/sprints",
  "/(app)/[orgSlug]/errors",
  "/(app)/[orgSlug]/releases",
];
const BOUNDARY_FILES = ["layout", "error", "loading", "template", "not-found"];
const GOAL_BYTES = 150 * 1000;

type RouteSize = {
  route: string;
  files: { file: string; raw: number; gzip: number }[];
  sharedGzip: number;
  routeGzip: number;
  totalGzip: number;
  totalRaw: number;
};

export function measureFirstLoadJs(distDir: string, routes: string[] = DASHBOARD_ROUTES): Figure {
  const sizes = routes.map((route) => routeSize(distDir, route));
  const worst = Math.max(...sizes.map((s) => s.totalGzip));
  return {
    figure: 4,
    name: "First-load JS per dashboard route (gzip)",
    value: sizes.map((s) => `${displayRoute(s.route)} ${kb(s.totalGzip)}`).join("; "),
    goal: "≤ 150 kB each",
    pass: worst <= GOAL_BYTES,
    method: `${path.basename(distDir)}: rootMainFiles + entryJSFiles of the page and its layouts/boundaries from the client-reference manifest, each file gzip -9 (node:zlib), summed; kB = 1000 B`,
    data: {
      distDir,
      routes: sizes.map((s) => ({
        route: s.route,
        totalGzipBytes: s.totalGzip,
        totalRawBytes: s.totalRaw,
        sharedGzipBytes: s.sharedGzip,
        routeGzipBytes: s.routeGzip,
        files: s.files,
      })),
    },
  };
}

function routeSize(distDir: string, route: string): RouteSize {
  const pageDir = path.join(distDir, "server", "app", `${route.replace(/^\//, "")}`);
  const buildManifest = JSON.parse(readFileSync(path.join(pageDir, "page", "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const clientManifestFile = path.join(pageDir, "page_client-reference-manifest.js");
  if (!existsSync(clientManifestFile)) throw new Error(`no client reference manifest for ${route} in ${distDir}`);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } =
    {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(clientManifestFile, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[`${route}/page`];
  if (!manifest) throw new Error(`client reference manifest for ${route} has no entry "${route}/page"`);

  // Entries that render on this route: the page and the boundaries of every ancestor segment.
  const segments = route.split("/").filter(Boolean);
  const ancestors = [""].concat(segments.map((_, i) => `/${segments.slice(0, i + 1).join("/")}`));
  const entryKeys = new Set([`[project]/app${route}/page`]);
  for (const dir of ancestors) for (const file of BOUNDARY_FILES) entryKeys.add(`[project]/app${dir}/${file}`);
  const routeFiles = new Set<string>();
  for (const [key, files] of Object.entries(manifest.entryJSFiles))
    if (entryKeys.has(key)) for (const file of files) routeFiles.add(file);

  const shared = new Set(buildManifest.rootMainFiles);
  const all = [...new Set([...shared, ...routeFiles])];
  const files = all.map((file) => {
    const bytes = readFileSync(path.join(distDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (filter: (file: string) => boolean, field: "raw" | "gzip") =>
    files.filter((f) => filter(f.file)).reduce((total, f) => total + f[field], 0);
  return {
    route,
    files,
    sharedGzip: sum((f) => shared.has(f), "gzip"),
    routeGzip: sum((f) => !shared.has(f), "gzip"),
    totalGzip: sum(() => true, "gzip"),
    totalRaw: sum(() => true, "raw"),
  };
}

export function displayRoute(route: string): string {
  return route.replace("/(app)", "");
}

function kb(bytes: number): string {
  return `${round(bytes / 1000)} kB`;
}
