import { z } from "zod";
import {
  DEMO_DATABASE_URL,
  DEMO_ENCRYPTION_KEY,
  DEMO_ENCRYPTION_KEY_ID,
  DEMO_HOST,
  DEMO_MAIL_FROM,
  DEMO_PORTS,
  DEMO_SENTRY_DSN,
  WORKOS_DEMO_API_KEY,
  WORKOS_DEMO_CLIENT_ID,
  WORKOS_DEMO_COOKIE_PASSWORD,
  WORKOS_DEMO_WEBHOOK_SECRET,
} from "../config/demo";
import { parseUpstreamHosts, type UpstreamHostRule } from "./upstream-hosts";
import { findPreviousKeyProblem } from "../crypto/previous-keys";

/**
 * Bosun's configuration, validated in one place. With no live variables at all
 * Bosun runs in demo mode against local emulators; setting WORKOS_API_KEY (or
 * BOSUN_MODE=live) switches to live mode, where every live variable is required.
 * Pure: takes the variables as an argument so tests can exercise it.
 */

const optionalString = z.string().trim().min(1).optional();
const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// URL");
const base64Key = z
  .string()
  .refine(
    (value) => Buffer.from(value, "base64").length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(value),
    "must be 32 random bytes, base64-encoded (openssl rand -base64 32)",
  );

const variablesSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  BOSUN_MODE: z.enum(["demo", "live"]).optional(),
  BOSUN_PUBLIC_URL: url.optional(),
  DATABASE_URL: postgresUrl.optional(),
  WORKOS_CLIENT_ID: optionalString,
  WORKOS_API_KEY: optionalString,
  WORKOS_COOKIE_PASSWORD: z.string().min(32, "must be at least 32 characters").optional(),
  WORKOS_API_HOSTNAME: optionalString,
  WORKOS_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  WORKOS_API_HTTPS: z.enum(["true", "false"]).optional(),
  WORKOS_WEBHOOK_SECRET: optionalString,
  WORKOS_AUTHKIT_DOMAIN: url.optional(),
  NEXT_PUBLIC_WORKOS_REDIRECT_URI: url.optional(),
  BOSUN_ENCRYPTION_KEY: base64Key.optional(),
  // No dots: the sealed form of a credential is dot-separated and carries the id.
  BOSUN_ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[\w-]{1,40}$/, "must be 1–40 letters, digits, dashes or underscores")
    .optional(),
  /** Older keys still able to open credentials during rotation: "id:base64key,id2:base64key2". */
  BOSUN_PREVIOUS_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^([\w-]{1,40}:[A-Za-z0-9+/]+={0,2})(,[\w-]{1,40}:[A-Za-z0-9+/]+={0,2})*$/,
      "must be a comma list of id:base64key pairs",
    )
    .optional(),
  SENTRY_DSN: url.optional(),
  SENTRY_ENVIRONMENT: optionalString,
  SENTRY_TRACES_SAMPLE_RATE: z.coerce.number().min(0).max(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /** "inline": the web process also runs the job queue and the outbox; "separate": `npm run worker` does. */
  BOSUN_WORKER: z.enum(["inline", "separate"], { error: 'must be "inline" or "separate"' }).optional(),
  BOSUN_JOB_CONCURRENCY: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be 1–64")
    .max(64, "must be 1–64")
    .optional(),
  /**
   * The niceness `npm run worker` gives itself (0 keeps the default priority). Acknowledging a webhook is
   * latency-bound and the queue is not: on a shared host the worker yields the CPU to the web processes.
   */
  BOSUN_WORKER_NICE: z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be 0–19")
    .max(19, "must be 0–19")
    .optional(),
  /**
   * How long `npm start` may answer a dashboard page from a render it made for the same session (seconds, 0 = never).
   * Any change to the org's data ends it sooner (lib/platform/render-cache).
   */
  BOSUN_RENDER_CACHE_SECONDS: z.coerce
    .number()
    .int("must be a whole number")
    .min(0, "must be 0–300")
    .max(300, "must be 0–300")
    .optional(),
  /** Where notification e-mail goes: smtp(s)://user:pass@host:port. Demo mode uses the mail catcher. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+(\/\S*)?$/, "must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)")
    .optional(),
  /** The From of notification e-mail: an address, or a name and an address ("Bosun <bosun@example.com>"). */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^([^<>@\r\n]+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address or "Name <address>"')
    .optional(),
  BOSUN_ALLOWED_UPSTREAM_HOSTS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const { invalid } = parseUpstreamHosts(value ?? "");
      if (invalid.length > 0) {
        const items = invalid.map((item) => `"${item}"`).join(", ");
        ctx.addIssue({
          code: "custom",
          message: `cannot read ${items}: list host names, host:port, IP addresses ([IPv6]:port) or CIDR ranges, comma-separated`,
        });
      }
    }),
});

/** Demo mode reaches its emulators on loopback; live mode allows nothing internal until the operator lists it. */
const DEMO_UPSTREAM_HOSTS = `${DEMO_HOST}, ::1, localhost`;

/** Required in live mode; in demo mode each has a local default. */
const LIVE_REQUIRED = [
  "DATABASE_URL",
  "WORKOS_CLIENT_ID",
  "WORKOS_API_KEY",
  "WORKOS_COOKIE_PASSWORD",
  "NEXT_PUBLIC_WORKOS_REDIRECT_URI",
  "BOSUN_ENCRYPTION_KEY",
] as const;

export type EnvIssue = { variable: string; message: string };

export class EnvValidationError extends Error {
  constructor(readonly issues: EnvIssue[]) {
    super(
      `Invalid environment configuration:\n${issues.map((i) => `  - ${i.variable}: ${i.message}`).join("\n")}\nSee .env.example for every variable and what it does.`,
    );
    this.name = "EnvValidationError";
  }
}

export type Env = {
  mode: "demo" | "live";
  nodeEnv: "development" | "production" | "test";
  publicUrl: string;
  databaseUrl: string;
  workos: {
    clientId: string;
    apiKey: string;
    cookiePassword: string;
    apiHostname: string;
    apiPort: number | undefined;
    apiHttps: boolean;
    webhookSecret: string | undefined;
    redirectUri: string;
    /** The AuthKit domain that issues OAuth access tokens to MCP clients; unset means MCP accepts API keys only. */
    authkitDomain: string | undefined;
  };
  encryption: { keyId: string; key: string; previousKeys: { keyId: string; key: string }[] };
  sentry: { dsn: string | undefined; environment: string; tracesSampleRate: number };
  logLevel: string;
  /** Where background work runs, how many jobs one worker runs at once, and `npm run worker`'s niceness. */
  worker: { mode: "inline" | "separate"; concurrency: number; nice: number };
  renderCache: { seconds: number };
  /** Internal hosts and networks Jira and Sentry connections may reach anyway (lib/integrations/upstream-policy.ts). */
  allowedUpstreamHosts: UpstreamHostRule[];
  /** Notification e-mail; `smtpUrl` is null in live mode without SMTP_URL (e-mails then fail, visibly, in the outbox). */
  mail: { smtpUrl: string | null; from: string };
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, so a blank line in .env does not break validation.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const parsed = variablesSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new EnvValidationError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "(env)"), message: issue.message })),
    );
  }
  const v = parsed.data;
  const mode = v.BOSUN_MODE ?? (v.WORKOS_API_KEY ? "live" : "demo");
  if (mode === "live") {
    const missing = LIVE_REQUIRED.filter((name) => v[name] === undefined);
    if (missing.length > 0)
      throw new EnvValidationError(missing.map((variable) => ({ variable, message: "is required in live mode" })));
  }

  // Without a trailing slash: URLs are built as `${publicUrl}/path`, and the MCP endpoint's OAuth audience must match exactly.
  const publicUrl = (v.BOSUN_PUBLIC_URL ?? `http://localhost:${DEMO_PORTS.app}`).replace(/\/+$/, "");
  const isDemo = mode === "demo";
  const previousKeys = (v.BOSUN_PREVIOUS_ENCRYPTION_KEYS ?? "")
    .split(",")
    .filter(Boolean)
    .map((pair) => {
      const [keyId, key] = pair.split(":") as [string, string];
      return { keyId, key };
    });
  const keyId = v.BOSUN_ENCRYPTION_KEY_ID ?? (v.BOSUN_ENCRYPTION_KEY ? "primary" : DEMO_ENCRYPTION_KEY_ID);
  const previousKeyProblem = findPreviousKeyProblem(previousKeys, keyId);
  if (previousKeyProblem)
    throw new EnvValidationError([{ variable: "BOSUN_PREVIOUS_ENCRYPTION_KEYS", message: previousKeyProblem }]);

  return {
    mode,
    nodeEnv: v.NODE_ENV,
    publicUrl,
    databaseUrl: v.DATABASE_URL ?? DEMO_DATABASE_URL,
    workos: {
      clientId: v.WORKOS_CLIENT_ID ?? WORKOS_DEMO_CLIENT_ID,
      apiKey: v.WORKOS_API_KEY ?? WORKOS_DEMO_API_KEY,
      cookiePassword: v.WORKOS_COOKIE_PASSWORD ?? WORKOS_DEMO_COOKIE_PASSWORD,
      apiHostname: v.WORKOS_API_HOSTNAME ?? (isDemo ? DEMO_HOST : "api.workos.com"),
      apiPort: v.WORKOS_API_PORT ?? (isDemo ? DEMO_PORTS.workos : undefined),
      apiHttps: v.WORKOS_API_HTTPS ? v.WORKOS_API_HTTPS === "true" : !isDemo,
      webhookSecret: v.WORKOS_WEBHOOK_SECRET ?? (isDemo ? WORKOS_DEMO_WEBHOOK_SECRET : undefined),
      redirectUri: v.NEXT_PUBLIC_WORKOS_REDIRECT_URI ?? `${publicUrl}/callback`,
      // The emulated WorkOS is also the demo's AuthKit domain, wherever its API is.
      authkitDomain: (
        v.WORKOS_AUTHKIT_DOMAIN ??
        (isDemo ? `http://${v.WORKOS_API_HOSTNAME ?? DEMO_HOST}:${v.WORKOS_API_PORT ?? DEMO_PORTS.workos}` : undefined)
      )?.replace(/\/$/, ""),
    },
    encryption: {
      keyId,
      key: v.BOSUN_ENCRYPTION_KEY ?? DEMO_ENCRYPTION_KEY,
      previousKeys,
    },
    sentry: {
      dsn: v.SENTRY_DSN ?? (isDemo ? DEMO_SENTRY_DSN : undefined),
      environment: v.SENTRY_ENVIRONMENT ?? (isDemo ? "demo" : v.NODE_ENV),
      tracesSampleRate: v.SENTRY_TRACES_SAMPLE_RATE ?? 0,
    },
    logLevel: v.LOG_LEVEL ?? (v.NODE_ENV === "test" ? "error" : "info"),
    worker: {
      mode: v.BOSUN_WORKER ?? "inline",
      concurrency: v.BOSUN_JOB_CONCURRENCY ?? 4,
      nice: v.BOSUN_WORKER_NICE ?? 10,
    },
    renderCache: { seconds: v.BOSUN_RENDER_CACHE_SECONDS ?? 30 },
    allowedUpstreamHosts: parseUpstreamHosts(v.BOSUN_ALLOWED_UPSTREAM_HOSTS ?? (isDemo ? DEMO_UPSTREAM_HOSTS : ""))
      .rules,
    mail: {
      smtpUrl: v.SMTP_URL ?? (isDemo ? `smtp://${DEMO_HOST}:${DEMO_PORTS.mail}` : null),
      from: v.MAIL_FROM ?? DEMO_MAIL_FROM,
    },
  };
}

/**
 * Variables to put into the Next.js process environment, derived from the
 * parsed configuration, so demo mode needs no .env file: the ones AuthKit reads
 * from process.env itself, and the mode, pinned so that AuthKit's demo values do
 * not make the app infer live mode. The redirect URI is not among them: Bosun
 * passes it to AuthKit at run time, so one build serves any URL.
 */
export function launchVariables(env: Env): Record<string, string> {
  return {
    BOSUN_MODE: env.mode,
    WORKOS_CLIENT_ID: env.workos.clientId,
    WORKOS_API_KEY: env.workos.apiKey,
    WORKOS_COOKIE_PASSWORD: env.workos.cookiePassword,
    WORKOS_API_HOSTNAME: env.workos.apiHostname,
    WORKOS_API_HTTPS: String(env.workos.apiHttps),
    ...(env.workos.apiPort ? { WORKOS_API_PORT: String(env.workos.apiPort) } : {}),
  };
}
