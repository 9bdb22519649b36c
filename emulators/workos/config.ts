export type WorkosConfig = {
  apiKey: string;
  clientId: string;
  /** Base URL of this emulator once listening (issuer, invitation links). */
  baseUrl: string;
  /** Where WorkOS webhooks go: `${bosunUrl}/api/webhooks/workos`; null sends none. */
  bosunUrl: string | null;
  webhookSecret: string;
  accessTokenTtlSeconds: number;
  /** Allowed redirect URIs; empty allows any http(s) URI. */
  redirectUris: string[];
};
