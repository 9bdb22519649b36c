import { describe, expect, it } from "vitest";
import { DEMO_DATABASE_URL, WORKOS_DEMO_CLIENT_ID } from "@/lib/platform/config/demo";
import { EnvValidationError, launchVariables, parseEnv } from "./schema";

const LIVE = {
  DATABASE_URL: "postgresql://bosun:secret@db.internal:5432/bosun",
  WORKOS_CLIENT_ID: "client_live",
  WORKOS_API_KEY: "sk_live_abc",
  WORKOS_COOKIE_PASSWORD: "x".repeat(40),
  NEXT_PUBLIC_WORKOS_REDIRECT_URI: "https://bosun.example.com/callback",
  BOSUN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

function issuesOf(source: Record<string, string | undefined>) {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvValidationError);
    return (error as EnvValidationError).issues;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv", () => {
  it("runs in demo mode with local defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("demo");
    expect(env.databaseUrl).toBe(DEMO_DATABASE_URL);
    expect(env.workos.clientId).toBe(WORKOS_DEMO_CLIENT_ID);
    expect(env.workos.apiHostname).toBe("127.0.0.1");
    expect(env.workos.apiHttps).toBe(false);
    expect(env.sentry.dsn).toMatch(/^http:\/\/\w+@127\.0\.0\.1:4103\/\d+$/);
  });

  it("runs background work inline, four jobs at a time, unless told otherwise", () => {
    expect(parseEnv({}).worker).toEqual({ mode: "inline", concurrency: 4, nice: 10 });
    expect(parseEnv({ BOSUN_WORKER: "separate", BOSUN_JOB_CONCURRENCY: "16", BOSUN_WORKER_NICE: "0" }).worker).toEqual({
      mode: "separate",
      concurrency: 16,
      nice: 0,
    });
  });

  it("names a bad worker setting", () => {
    expect(issuesOf({ BOSUN_WORKER: "elsewhere" })).toEqual([
      { variable: "BOSUN_WORKER", message: 'must be "inline" or "separate"' },
    ]);
    expect(issuesOf({ BOSUN_JOB_CONCURRENCY: "0" })).toEqual([
      { variable: "BOSUN_JOB_CONCURRENCY", message: "must be 1–64" },
    ]);
    expect(issuesOf({ BOSUN_WORKER_NICE: "20" })).toEqual([{ variable: "BOSUN_WORKER_NICE", message: "must be 0–19" }]);
  });

  it("keeps dashboard renders for 30 s unless told otherwise, and names a bad setting", () => {
    expect(parseEnv({}).renderCache).toEqual({ seconds: 30 });
    expect(parseEnv({ BOSUN_RENDER_CACHE_SECONDS: "0" }).renderCache).toEqual({ seconds: 0 });
    expect(issuesOf({ BOSUN_RENDER_CACHE_SECONDS: "301" })).toEqual([
      { variable: "BOSUN_RENDER_CACHE_SECONDS", message: "must be 0–300" },
    ]);
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  ", WORKOS_API_KEY: "" }).mode).toBe("demo");
  });

  it("switches to live mode when a WorkOS API key is set, and uses the live values", () => {
    const env = parseEnv(LIVE);
    expect(env.mode).toBe("live");
    expect(env.databaseUrl).toBe(LIVE.DATABASE_URL);
    expect(env.workos.apiHostname).toBe("api.workos.com");
    expect(env.workos.apiHttps).toBe(true);
    expect(env.sentry.dsn).toBeUndefined();
    expect(env.encryption.keyId).toBe("primary");
  });

  it("names every missing live variable", () => {
    const issues = issuesOf({ WORKOS_API_KEY: "sk_live_abc" });
    expect(issues.map((i) => i.variable).sort()).toEqual([
      "BOSUN_ENCRYPTION_KEY",
      "DATABASE_URL",
      "NEXT_PUBLIC_WORKOS_REDIRECT_URI",
      "WORKOS_CLIENT_ID",
      "WORKOS_COOKIE_PASSWORD",
    ]);
    expect(issues.every((i) => i.message === "is required in live mode")).toBe(true);
  });

  it("names each malformed variable with the reason", () => {
    const issues = issuesOf({
      DATABASE_URL: "mysql://nope",
      WORKOS_COOKIE_PASSWORD: "short",
      BOSUN_ENCRYPTION_KEY: "not-a-key",
      SENTRY_DSN: "not a url",
      WORKOS_API_PORT: "99999",
      LOG_LEVEL: "loud",
    });
    const byVariable = Object.fromEntries(issues.map((i) => [i.variable, i.message]));
    expect(Object.keys(byVariable).sort()).toEqual([
      "BOSUN_ENCRYPTION_KEY",
      "DATABASE_URL",
      "LOG_LEVEL",
      "SENTRY_DSN",
      "WORKOS_API_PORT",
      "WORKOS_COOKIE_PASSWORD",
    ]);
    expect(byVariable.DATABASE_URL).toContain("postgres");
    expect(byVariable.WORKOS_COOKIE_PASSWORD).toContain("32 characters");
    expect(byVariable.BOSUN_ENCRYPTION_KEY).toContain("base64");
  });

  it("puts every problem into one readable message", () => {
    expect(() => parseEnv({ BOSUN_MODE: "live" })).toThrowError(
      /DATABASE_URL: is required in live mode[\s\S]*\.env\.example/,
    );
  });

  it("derives the variables AuthKit reads itself, pinning the mode", () => {
    const vars = launchVariables(parseEnv({}));
    expect(parseEnv(vars).mode).toBe("demo");
    expect(vars).toMatchObject({
      BOSUN_MODE: "demo",
      WORKOS_API_HOSTNAME: "127.0.0.1",
      WORKOS_API_PORT: "4101",
      WORKOS_API_HTTPS: "false",
    });
    expect(vars).not.toHaveProperty("NEXT_PUBLIC_WORKOS_REDIRECT_URI");
    expect(vars.WORKOS_COOKIE_PASSWORD?.length).toBeGreaterThanOrEqual(32);
  });

  it("finding 4 (SSRF): allows no internal upstream hosts in live mode unless BOSUN_ALLOWED_UPSTREAM_HOSTS lists them", () => {
    expect(parseEnv(LIVE).allowedUpstreamHosts).toEqual([]);
    expect(
      parseEnv({ ...LIVE, BOSUN_ALLOWED_UPSTREAM_HOSTS: "jira.corp.example, 10.20.0.0/16" }).allowedUpstreamHosts,
    ).toEqual([
      { kind: "name", name: "jira.corp.example", port: null },
      { kind: "network", cidr: "10.20.0.0/16", port: null },
    ]);
  });

  it("finding 4 (SSRF): allows the loopback emulators by default in demo mode, as a setting that can be replaced", () => {
    expect(parseEnv({}).allowedUpstreamHosts).toEqual([
      { kind: "network", cidr: "127.0.0.1", port: null },
      { kind: "network", cidr: "::1", port: null },
      { kind: "name", name: "localhost", port: null },
    ]);
    expect(parseEnv({ BOSUN_ALLOWED_UPSTREAM_HOSTS: "127.0.0.1:4102" }).allowedUpstreamHosts).toEqual([
      { kind: "network", cidr: "127.0.0.1", port: 4102 },
    ]);
  });

  it("finding 4 (SSRF): names the allow-list items it cannot read", () => {
    expect(issuesOf({ BOSUN_ALLOWED_UPSTREAM_HOSTS: "jira.corp.example, https://sentry.corp, 10.0.0.0/40" })).toEqual([
      {
        variable: "BOSUN_ALLOWED_UPSTREAM_HOSTS",
        message:
          'cannot read "https://sentry.corp", "10.0.0.0/40": list host names, host:port, IP addresses ([IPv6]:port) or CIDR ranges, comma-separated',
      },
    ]);
  });

  it("parses previous encryption keys for rotation", () => {
    const old = Buffer.alloc(32, 1).toString("base64");
    const env = parseEnv({ ...LIVE, BOSUN_ENCRYPTION_KEY_ID: "k2", BOSUN_PREVIOUS_ENCRYPTION_KEYS: `k1:${old}` });
    expect(env.encryption).toEqual({
      keyId: "k2",
      key: LIVE.BOSUN_ENCRYPTION_KEY,
      previousKeys: [{ keyId: "k1", key: old }],
    });
  });

  it("finding 11 (key rotation): refuses key ids the sealed format cannot carry, reused ids and short previous keys", () => {
    const old = Buffer.alloc(32, 1).toString("base64");
    const byVariable = (source: Record<string, string>) =>
      Object.fromEntries((issuesOf({ ...LIVE, ...source }) ?? []).map((i) => [i.variable, i.message]));
    expect(byVariable({ BOSUN_ENCRYPTION_KEY_ID: "k.2" })).toEqual({
      BOSUN_ENCRYPTION_KEY_ID: "must be 1–40 letters, digits, dashes or underscores",
    });
    expect(byVariable({ BOSUN_PREVIOUS_ENCRYPTION_KEYS: `k.1:${old}` })).toEqual({
      BOSUN_PREVIOUS_ENCRYPTION_KEYS: "must be a comma list of id:base64key pairs",
    });
    expect(byVariable({ BOSUN_ENCRYPTION_KEY_ID: "k2", BOSUN_PREVIOUS_ENCRYPTION_KEYS: `k2:${old}` })).toEqual({
      BOSUN_PREVIOUS_ENCRYPTION_KEYS:
        'reuses key id "k2", the current BOSUN_ENCRYPTION_KEY_ID: a new key needs a new id',
    });
    expect(byVariable({ BOSUN_PREVIOUS_ENCRYPTION_KEYS: `primary:${old}` })).toEqual({
      BOSUN_PREVIOUS_ENCRYPTION_KEYS:
        'reuses key id "primary", the current BOSUN_ENCRYPTION_KEY_ID: a new key needs a new id',
    });
    expect(
      byVariable({ BOSUN_ENCRYPTION_KEY_ID: "k3", BOSUN_PREVIOUS_ENCRYPTION_KEYS: `k1:${old},k1:${old}` }),
    ).toEqual({ BOSUN_PREVIOUS_ENCRYPTION_KEYS: 'lists key id "k1" twice' });
    expect(byVariable({ BOSUN_ENCRYPTION_KEY_ID: "k2", BOSUN_PREVIOUS_ENCRYPTION_KEYS: "k1:c2hvcnQ=" })).toEqual({
      BOSUN_PREVIOUS_ENCRYPTION_KEYS: 'key "k1" must be 32 random bytes, base64-encoded (openssl rand -base64 32)',
    });
  });
});
