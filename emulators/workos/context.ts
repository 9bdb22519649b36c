import type { WebhookLog } from "../common/webhooks";
import type { SigningKey } from "./keys";
import { type Store, appendEvent } from "./store";
import type { EventRecord } from "./types";
import { sendWorkosWebhook } from "./webhooks";

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

/** Everything route handlers share; `store` is replaced on reset. */
export type WorkosContext = {
  store: Store;
  config: WorkosConfig;
  signingKey: SigningKey;
  webhooks: WebhookLog;
  /** Appends an event to `/events` and delivers it as a webhook; resolves when delivered. */
  emit: (event: string, data: Record<string, unknown>, organizationId: string | null) => Promise<EventRecord>;
};

export function createEmit(context: Omit<WorkosContext, "emit">): WorkosContext["emit"] {
  return async (event, data, organizationId) => {
    const record = appendEvent(context.store, event, data, organizationId);
    if (context.config.bosunUrl) await sendWorkosWebhook(context.webhooks, context.config, record);
    return record;
  };
}
