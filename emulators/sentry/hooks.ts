import { createHmac, randomUUID } from "node:crypto";
import type { SentWebhook, WebhookLog } from "../common/webhooks";
import type { OrgState } from "./store";
import { pythonJsonDumps } from "./python-json";

/**
 * Outgoing integration-platform webhooks: the `{action, installation, data,
 * actor}` envelope, serialized like Python's json.dumps and signed with the
 * org's client secret (hex HMAC-SHA256 of the exact body).
 */

export type HookActor = { type: "user" | "application"; id: string; name: string };
export const SENTRY_ACTOR: HookActor = { type: "application", id: "sentry", name: "Sentry" };

export type HookTarget = { bosunUrl: string | null };

export function signBody(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

export function createHookSender(log: WebhookLog, target: HookTarget) {
  return async function send(
    org: OrgState,
    resource: string,
    action: string,
    data: unknown,
    actor: HookActor = SENTRY_ACTOR,
  ): Promise<SentWebhook | null> {
    if (!target.bosunUrl) return null;
    const body = pythonJsonDumps({ action, installation: { uuid: org.data.installation.uuid }, data, actor });
    const headers = {
      "Content-Type": "application/json",
      "Request-ID": randomUUID().replace(/-/g, ""),
      "Sentry-Hook-Resource": resource,
      "Sentry-Hook-Timestamp": String(Math.floor(Date.now() / 1000)),
      "Sentry-Hook-Signature": signBody(body, org.data.webhookSecret),
    };
    const url = `${target.bosunUrl.replace(/\/$/, "")}/api/webhooks/sentry/${org.data.slug}`;
    return log.send({ url, headers, body, timeoutMs: 5_000 });
  };
}

export type HookSender = ReturnType<typeof createHookSender>;
