import type { SentWebhook, WebhookLog } from "../common/webhooks";
import type { WorkosConfig } from "./config";
import type { SigningKey } from "./keys";
import { type Store, appendEvent } from "./store";
import type { EventRecord } from "./types";
import { sendWorkosWebhook } from "./webhooks";

export type EmittedEvent = { event: EventRecord; delivery: SentWebhook | null };

/** Everything route handlers share; `store` is replaced on reset. */
export type WorkosContext = {
  store: Store;
  config: WorkosConfig;
  signingKey: SigningKey;
  webhooks: WebhookLog;
  /** Appends an event to `/events` and delivers it as a webhook; resolves when delivered. */
  emit: (event: string, data: Record<string, unknown>, organizationId: string | null) => Promise<EmittedEvent>;
};

/** Reads `context.store` at call time, so it follows resets. */
export function createEmit(context: WorkosContext): WorkosContext["emit"] {
  return async (event, data, organizationId) => {
    const record = appendEvent(context.store, event, data, organizationId);
    const delivery = context.config.bosunUrl ? await sendWorkosWebhook(context.webhooks, context.config, record) : null;
    return { event: record, delivery };
  };
}
