/**
 * Fixed demo-mode settings, shared by the app (as defaults when no live
 * configuration is given) and by the local emulators and seed. These values
 * only ever unlock local emulated services; they are documented in the README.
 */
export const DEMO_PASSWORD = "bosun-demo";
export const JIRA_DEMO_API_TOKEN = "jira-demo-token";
export const SENTRY_DEMO_AUTH_TOKEN = "sentry-demo-token";
export const WORKOS_DEMO_API_KEY = "sk_test_bosun_demo";
export const WORKOS_DEMO_CLIENT_ID = "client_bosun_demo";
export const WORKOS_DEMO_WEBHOOK_SECRET = "workos-demo-webhook-secret";
export const WORKOS_DEMO_COOKIE_PASSWORD = "bosun-demo-cookie-password-not-for-production-use";
/** 32 bytes, base64: seals integration credentials in the demo database. */
export const DEMO_ENCRYPTION_KEY = "Ym9zdW4tZGVtby1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=";
export const DEMO_ENCRYPTION_KEY_ID = "demo-1";

export const DEMO_SENTRY_WEBHOOK_SECRETS = {
  acme: "acme-sentry-webhook-secret",
  globex: "globex-sentry-webhook-secret",
} as const;
/** Jira admin webhooks registered with a secret sign with `X-Hub-Signature: sha256=<hex HMAC>`. */
export const DEMO_JIRA_WEBHOOK_SECRETS = {
  acme: "acme-jira-webhook-secret",
  globex: "globex-jira-webhook-secret",
} as const;
export const DEMO_GITHUB_WEBHOOK_SECRETS = {
  acme: "acme-github-webhook-secret",
  globex: "globex-github-webhook-secret",
} as const;

export const DEMO_PORTS = {
  app: 3000,
  workos: 4101,
  jira: 4102,
  sentry: 4103,
  /** The mail catcher's web page, messages JSON and rollback receiver; its SMTP server is on `mail`. */
  mailHttp: 4104,
  mail: 4105,
  postgres: 54329,
} as const;
/** The sender of notification e-mail when MAIL_FROM is not set. */
export const DEMO_MAIL_FROM = "Bosun <notifications@bosun.localhost>";
export const DEMO_HOST = "127.0.0.1";

export const DEMO_DATABASE_URL = `postgresql://postgres:bosun-embedded@${DEMO_HOST}:${DEMO_PORTS.postgres}/bosun`;
export const demoServiceUrl = (service: "workos" | "jira" | "sentry") => `http://${DEMO_HOST}:${DEMO_PORTS[service]}`;

/** Bosun reports its own errors to the emulated Sentry's "bosun" project in demo mode. */
export const DEMO_SENTRY_BOSUN_PROJECT_ID = "4500003";
export const DEMO_SENTRY_BOSUN_PUBLIC_KEY = "b05c0de0b05c0de0b05c0de0b05c0de0";
export const DEMO_SENTRY_DSN = `http://${DEMO_SENTRY_BOSUN_PUBLIC_KEY}@${DEMO_HOST}:${DEMO_PORTS.sentry}/${DEMO_SENTRY_BOSUN_PROJECT_ID}`;
