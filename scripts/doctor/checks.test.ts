import { describe, expect, it } from "vitest";
import {
  blocks,
  checkChromium,
  checkDatabase,
  checkDisk,
  checkEnvironment,
  checkNode,
  checkPort,
  checkPrivateFolder,
  formatFindings,
  minimumNodeVersion,
} from "./checks";

describe("doctor checks", () => {
  it("reads the minimum Node version from engines.node", () => {
    expect(minimumNodeVersion(">=20.19")).toEqual([20, 19, 0]);
    expect(minimumNodeVersion(">= 22.11.1")).toEqual([22, 11, 1]);
    expect(minimumNodeVersion("^24")).toBeNull();
    expect(minimumNodeVersion(undefined)).toBeNull();
  });

  it("passes Node 20.20 while engines asks for >=20.19, recommending 24", () => {
    const finding = checkNode("v20.20.2", ">=20.19");
    expect(finding).toMatchObject({ ok: true, blocking: false });
    expect(finding.message).toContain("Node 24 is recommended");
    expect(checkNode("v24.1.0", ">=20.19").message).not.toContain("recommended");
  });

  it("blocks a Node older than engines, saying how to get a newer one", () => {
    const finding = checkNode("v20.20.2", ">=22.11");
    expect(finding).toMatchObject({ ok: false, blocking: true });
    expect(finding.message).toMatch(/older than .*>=22\.11.*install Node 24.*scripts\/node24\.sh/);
    expect(checkNode("v22.11.0", ">=22.11").ok).toBe(true);
    expect(checkNode("v22.10.9", ">=22.11").ok).toBe(false);
  });

  it("blocks a missing Chromium only when the browser tests are about to run", () => {
    expect(checkChromium("/usr/bin/chromium", true, true).ok).toBe(true);
    expect(checkChromium("/nowhere/chromium", false, false)).toMatchObject({ ok: false, blocking: false });
    const needed = checkChromium("/nowhere/chromium", false, true);
    expect(needed).toMatchObject({ ok: false, blocking: true });
    expect(needed.message).toContain("CHROMIUM_PATH");
  });

  it("blocks when the project's disk has less than 2 GB free", () => {
    expect(checkDisk("/p", 3 * 1024 ** 3).ok).toBe(true);
    const low = checkDisk("/p", 0.5 * 1024 ** 3);
    expect(low).toMatchObject({ ok: false, blocking: true });
    expect(low.message).toContain("0.5 GB free in /p");
  });

  it("names a taken port's holder and fix, and accepts Bosun's own servers", () => {
    const base = { port: 4101, purpose: "WorkOS emulator", fix: "stop it" };
    expect(checkPort({ ...base, state: "free" }).ok).toBe(true);
    expect(checkPort({ ...base, state: "bosun" }).ok).toBe(true);
    const taken = checkPort({ ...base, state: "taken", holder: "process 42 (python3 -m http.server 4101)" });
    expect(taken).toMatchObject({
      ok: false,
      blocking: true,
      message: "Port 4101 (WorkOS emulator) is already in use by process 42 (python3 -m http.server 4101): stop it.",
    });
  });

  it("explains where the data goes as root in a private folder, without blocking", () => {
    const relocated = checkPrivateFolder({ isRoot: true, embedded: true, postgresCanReach: false });
    expect(relocated).toMatchObject({ ok: true, blocking: false });
    expect(relocated.message).toContain("/var/tmp/bosun-pg-data-");
    expect(relocated.message).toContain("npm run db:reset");
  });

  it("blocks an unreachable DATABASE_URL and invalid variables", () => {
    expect(checkDatabase("postgresql://u:***@db/x", true).ok).toBe(true);
    expect(checkDatabase("postgresql://u:***@db/x", false)).toMatchObject({ ok: false, blocking: true });
    const env = checkEnvironment("Invalid environment:\n  WORKOS_API_KEY is required in live mode");
    expect(env).toMatchObject({ ok: false, blocking: true });
    expect(env.message.split("\n")).toHaveLength(1);
    expect(checkEnvironment(null).ok).toBe(true);
  });

  it("prints problems first, one line each, and blocks only on blocking ones", () => {
    const findings = [
      checkDisk("/p", 3 * 1024 ** 3),
      checkChromium("/x", false, false),
      checkNode("v20.0.0", ">=20.19"),
    ];
    const lines = formatFindings(findings).split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^! No Chromium/);
    expect(lines[1]).toMatch(/^✖ Node v20\.0\.0/);
    expect(lines[2]).toMatch(/^✔ 3\.0 GB free/);
    expect(blocks(findings)).toBe(true);
    expect(blocks(findings.slice(0, 2))).toBe(false);
  });
});
