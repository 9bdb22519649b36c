import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nativeDirectory } from "./embedded-postgres";
import { needsRelocation, sharedDataDir } from "./postgres-as-root";

const asRoot = process.getuid?.() === 0 && process.platform === "linux";

describe("where the embedded PostgreSQL runs as root", () => {
  const base = mkdtempSync(path.join(os.tmpdir(), "bosun-reach-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.runIf(asRoot)(
    "keeps a fresh clone's data in the project when the postgres user can reach it (.data/ not created yet)",
    async () => {
      const project = path.join(base, "open");
      mkdirSync(project, { mode: 0o755 });
      chmodSync(project, 0o755);
      chmodSync(base, 0o755);
      // Binaries the postgres user can reach, wherever this checkout itself lives (a private folder too).
      const native = path.join(base, "native");
      mkdirSync(path.join(native, "bin"), { recursive: true, mode: 0o755 });
      chmodSync(native, 0o755);
      chmodSync(path.join(native, "bin"), 0o755);
      expect(needsRelocation(native, path.join(project, ".data/postgres"))).toBe(false);
    },
  );

  it.runIf(asRoot)("moves the data out of a folder only root can enter", async () => {
    const project = path.join(base, "private");
    mkdirSync(project, { mode: 0o700 });
    chmodSync(project, 0o700);
    expect(needsRelocation(await nativeDirectory(), path.join(project, ".data/postgres"))).toBe(true);
  });

  it("names the shared data folder after the project's data folder, so each project keeps its own between runs", () => {
    expect(sharedDataDir("/root/a/.data/postgres")).toBe(sharedDataDir("/root/a/.data/../.data/postgres"));
    expect(sharedDataDir("/root/a/.data/postgres")).not.toBe(sharedDataDir("/root/b/.data/postgres"));
    expect(sharedDataDir("/root/a/.data/postgres")).toMatch(/^\/var\/tmp\/bosun-pg-data-[0-9a-f]{16}$/);
  });
});
