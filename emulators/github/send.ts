import { createHmac, randomUUID } from "node:crypto";
import { hashString } from "../seed/random";

export type GithubEventName = "create" | "pull_request" | "ping";

export type SendGithubEventInput = {
  url: string;
  secret: string;
  event: GithubEventName;
  payload: { repository?: { id: number } } & Record<string, unknown>;
  deliveryId?: string;
};

export type GithubDelivery = {
  deliveryId: string;
  status: number;
  responseBody: string;
  headers: Record<string, string>;
  body: string;
};

/** The hook id GitHub would show for a webhook pointing at `url` (stable per URL). */
export function githubHookId(url: string): number {
  return 400_000_000 + (hashString(url) % 90_000_000);
}

/** `sha256=<hex HMAC-SHA256(raw body, secret)>`, the X-Hub-Signature-256 value. */
export function signGithubPayload(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Delivers one webhook with GitHub's headers and signatures; resolves with the receiver's answer. */
export async function sendGithubEvent({
  url,
  secret,
  event,
  payload,
  deliveryId = randomUUID(),
}: SendGithubEventInput): Promise<GithubDelivery> {
  const body = JSON.stringify(payload);
  const targetId = payload.repository?.id ?? 0;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/8e03811",
    "x-github-event": event,
    "x-github-delivery": deliveryId,
    "x-github-hook-id": String(githubHookId(url)),
    "x-github-hook-installation-target-id": String(targetId),
    "x-github-hook-installation-target-type": "repository",
    "x-hub-signature": `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`,
    "x-hub-signature-256": signGithubPayload(body, secret),
  };
  const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
  return { deliveryId, status: response.status, responseBody: await response.text(), headers, body };
}
