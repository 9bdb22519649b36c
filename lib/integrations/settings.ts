import "server-only";
import { z } from "zod";
import { openCredentials, sealCredentials } from "@/lib/platform/crypto/credentials";
import { getKeyring } from "@/lib/platform/crypto/keyring";
import { findConnection, recordConnectionCheck, saveConnection } from "@/lib/db/queries/integrations";
import { forgetWebhookSecrets } from "@/lib/platform/webhooks/secrets";
import { testJiraConnection } from "./jira";
import { testSentryConnection } from "./sentry";

/**
 * Connecting Jira, Sentry and GitHub to an org. Secrets are sealed at rest and
 * never read back to the browser; a blank secret field keeps the stored one,
 * but only while the settings it is sent with stay the same: a token typed for
 * one site must never be replayed to an address typed in later.
 */
const secret = z.string().trim().max(500).optional();
const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((u) => u.replace(/\/+$/, ""));

export const integrationInputSchema = z.discriminatedUnion("provider", [
  z.object({
    provider: z.literal("jira"),
    siteUrl: httpUrl,
    email: z.email("must be the e-mail of the Jira account"),
    apiToken: secret,
    /** Optional: signs Jira's admin webhooks (sprint and issue events) to /api/webhooks/jira/<slug>. */
    webhookSecret: secret,
  }),
  z.object({
    provider: z.literal("sentry"),
    baseUrl: httpUrl,
    organizationSlug: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, "must be the organization slug from the Sentry URL"),
    authToken: secret,
    webhookSecret: secret,
  }),
  z.object({ provider: z.literal("github"), webhookSecret: secret }),
]);

export type IntegrationInput = z.infer<typeof integrationInputSchema>;

const REQUIRED_SECRETS = {
  jira: ["apiToken"],
  sentry: ["authToken", "webhookSecret"],
  github: ["webhookSecret"],
} as const;

/** How each field is named in messages, matching the form's labels. */
const FIELD_NAMES: Record<IntegrationInput["provider"], Record<string, string>> = {
  jira: { siteUrl: "site URL", email: "account e-mail", apiToken: "API token", webhookSecret: "webhook secret" },
  sentry: {
    baseUrl: "Sentry URL",
    organizationSlug: "organization slug",
    authToken: "auth token",
    webhookSecret: "webhook client secret",
  },
  github: { webhookSecret: "webhook secret" },
};

function split(input: IntegrationInput): {
  config: Record<string, string>;
  secrets: Record<string, string | undefined>;
} {
  switch (input.provider) {
    case "jira":
      return {
        config: { siteUrl: input.siteUrl, email: input.email },
        secrets: { apiToken: input.apiToken, webhookSecret: input.webhookSecret },
      };
    case "sentry":
      return {
        config: { baseUrl: input.baseUrl, organizationSlug: input.organizationSlug },
        secrets: { authToken: input.authToken, webhookSecret: input.webhookSecret },
      };
    case "github":
      return { config: {}, secrets: { webhookSecret: input.webhookSecret } };
  }
}

export type SaveResult =
  { ok: true; changedFields: string[] } | { ok: false; error: string; fieldErrors: Record<string, string> };

function refuse(fieldErrors: Record<string, string>): SaveResult {
  return {
    ok: false,
    error: Object.entries(fieldErrors)
      .map(([field, message]) => `${field}: ${message}`)
      .join("; "),
    fieldErrors,
  };
}

/**
 * A secret left blank is kept only when every setting it goes out with is
 * unchanged; otherwise each blank secret has to be typed again.
 */
function missingSecrets(
  provider: IntegrationInput["provider"],
  secrets: Record<string, string | undefined>,
  stored: Record<string, string>,
  changedConfig: string[],
): Record<string, string> {
  const names = FIELD_NAMES[provider];
  const blank = REQUIRED_SECRETS[provider].filter((name) => !secrets[name]);
  if (changedConfig.length > 0 && Object.keys(stored).length > 0) {
    const why = `the ${changedConfig.map((key) => names[key] ?? key).join(" and ")} changed`;
    return Object.fromEntries(blank.map((name) => [name, `enter the ${names[name]} again: ${why}`]));
  }
  return Object.fromEntries(
    blank.filter((name) => !stored[name]).map((name) => [name, `enter the ${names[name]} to connect`]),
  );
}

export async function saveIntegration(orgId: string, input: IntegrationInput): Promise<SaveResult> {
  const keyring = getKeyring();
  const existing = await findConnection({ orgId, provider: input.provider });
  const stored = existing?.encryptedCredentials ? openCredentials(existing.encryptedCredentials, keyring) : {};
  const { config, secrets } = split(input);
  const before = (existing?.config ?? {}) as Record<string, string>;
  const changedConfig = Object.keys(config).filter((key) => before[key] !== config[key]);
  const missing = missingSecrets(input.provider, secrets, stored, changedConfig);
  if (Object.keys(missing).length > 0) return refuse(missing);

  const merged: Record<string, string> = { ...stored };
  for (const [name, value] of Object.entries(secrets)) {
    if (value) merged[name] = value;
    // An optional secret left blank while its settings changed is dropped, never carried over to the new address.
    else if (changedConfig.length > 0) delete merged[name];
  }
  const changedFields = [
    ...changedConfig,
    ...Object.entries(secrets)
      .filter(([name, value]) => value && value !== stored[name])
      .map(([name]) => name),
  ];
  const { sealed, keyId } = sealCredentials(merged, keyring);
  await saveConnection({
    orgId,
    provider: input.provider,
    config,
    encryptedCredentials: sealed,
    credentialsKeyId: keyId,
  });
  forgetWebhookSecrets();
  return { ok: true, changedFields };
}

export type ConnectionCheck = { ok: boolean; message: string };

/** Calls the service with the stored settings and records the outcome on the connection. */
export async function checkIntegration(
  orgId: string,
  provider: "jira" | "sentry" | "github",
  requestId: string,
): Promise<ConnectionCheck> {
  const connection = await findConnection({ orgId, provider });
  if (!connection || connection.status === "disconnected") return { ok: false, message: "Not connected yet." };
  const credentials = openCredentials(connection.encryptedCredentials, getKeyring());
  const config = connection.config as Record<string, string>;
  let check: ConnectionCheck;
  if (provider === "jira") {
    const result = await testJiraConnection({
      siteUrl: config.siteUrl ?? "",
      email: config.email ?? "",
      apiToken: credentials.apiToken ?? "",
      requestId,
    });
    check = result.ok
      ? { ok: true, message: `Connected to ${result.site.title} as ${result.account.displayName}.` }
      : { ok: false, message: result.message };
  } else if (provider === "sentry") {
    const result = await testSentryConnection({
      baseUrl: config.baseUrl ?? "",
      organizationSlug: config.organizationSlug ?? "",
      authToken: credentials.authToken ?? "",
      requestId,
    });
    check = result.ok
      ? {
          ok: true,
          message: `Connected to Sentry organization "${result.organization.slug}" with ${result.projectCount} project(s).`,
        }
      : { ok: false, message: result.message };
  } else {
    // GitHub calls Bosun, not the other way round: a stored secret is all there is to check.
    check = credentials.webhookSecret
      ? { ok: true, message: "Webhook secret stored; GitHub deliveries will be verified with it." }
      : { ok: false, message: "No webhook secret stored." };
  }
  await recordConnectionCheck({ orgId, provider, error: check.ok ? null : check.message });
  return check;
}
