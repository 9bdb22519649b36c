import { createHmac } from "node:crypto";
import type { SentWebhook, WebhookLog } from "../common/webhooks";
import type { WorkosConfig } from "./config";
import { serializeEvent } from "./serializers";
import type { EventRecord } from "./types";

/** `WorkOS-Signature: t=<ms>, v1=<hex HMAC-SHA256("<t>.<body>", secret)>`, as workos-node verifies it. */
export function signWorkosWebhook(body: string, secret: string, timestampMs = Date.now()): string {
  const signature = createHmac("sha256", secret).update(`${timestampMs}.${body}`).digest("hex");
  return `t=${timestampMs}, v1=${signature}`;
}

export function sendWorkosWebhook(
  log: WebhookLog,
  config: Pick<WorkosConfig, "bosunUrl" | "webhookSecret">,
  event: EventRecord,
): Promise<SentWebhook> {
  const { object: _object, ...payload } = serializeEvent(event);
  const body = JSON.stringify(payload);
  return log.send({
    url: `${config.bosunUrl}/api/webhooks/workos`,
    headers: {
      "content-type": "application/json",
      "user-agent": "WorkOS Webhooks",
      "workos-signature": signWorkosWebhook(body, config.webhookSecret),
    },
    body,
  });
}
