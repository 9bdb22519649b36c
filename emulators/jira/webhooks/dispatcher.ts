import { createHmac, randomUUID } from "node:crypto";
import type { SentWebhook, WebhookLog } from "../../common/webhooks";

/**
 * Delivers Jira webhooks the way Jira Cloud does: after the API call that
 * caused them has answered, signed with `X-Hub-Signature` when the
 * registration has a secret, and retried on 408/409/425/429/5xx or a
 * connection failure with the same `X-Atlassian-Webhook-Identifier`.
 * Faults can drop deliveries (logged, never sent, never retried). First
 * attempts to one URL go out one after another, in the order of the changes.
 */
export type Delivery = { url: string; secret: string | null; body: string };

export type DeliveryFaults = { dropCount: number; drop: boolean };

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 15_000];
const RETRYABLE = new Set([408, 409, 425, 429]);

export function hubSignature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** Resolves on the next turn of the event loop, after the current request's answer has been written. */
const afterAnswer = () => new Promise<void>((resolve) => setImmediate(resolve));

export function isRetryable(record: SentWebhook): boolean {
  if (record.status === null) return true;
  return RETRYABLE.has(record.status) || record.status >= 500;
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;

export function createWebhookDispatcher(log: WebhookLog, initialRetryDelaysMs = DEFAULT_RETRY_DELAYS_MS) {
  let retryDelaysMs = [...initialRetryDelaysMs];
  let faults: DeliveryFaults = { dropCount: 0, drop: false };
  const timers = new Set<NodeJS.Timeout>();
  /** Per receiving URL, the first attempts in the order the changes happened (retries run on their own). */
  let lanes = new Map<string, Promise<void>>();
  let pending = 0;
  /** Bumped by clear(), so answers to deliveries from before it neither retry nor count as pending. */
  let generation = 0;
  let waiters: (() => void)[] = [];

  const settle = () => {
    pending--;
    if (pending > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const headersFor = (delivery: Delivery, identifier: string, retry: number) => ({
    "Content-Type": "application/json",
    "X-Atlassian-Webhook-Identifier": identifier,
    "X-Atlassian-Webhook-Flow": "Primary",
    ...(retry > 0 ? { "X-Atlassian-Webhook-Retry": String(retry) } : {}),
    ...(delivery.secret ? { "X-Hub-Signature": hubSignature(delivery.body, delivery.secret) } : {}),
  });

  async function attempt(delivery: Delivery, identifier: string, retry: number) {
    const started = generation;
    const headers = headersFor(delivery, identifier, retry);
    const record = await log.send({ url: delivery.url, headers, body: delivery.body });
    if (started !== generation) return;
    const delay = retryDelaysMs[retry];
    if (!isRetryable(record) || delay === undefined) return settle();
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(delivery, identifier, retry + 1);
    }, delay);
    timers.add(timer);
  }

  function takeDrop(): boolean {
    if (faults.drop) return true;
    if (faults.dropCount <= 0) return false;
    faults = { ...faults, dropCount: faults.dropCount - 1 };
    return true;
  }

  return {
    /** Queues a delivery; it is sent once the current request has been answered. Returns its identifier. */
    enqueue(delivery: Delivery): string {
      const identifier = randomUUID();
      const queuedIn = generation;
      // Decided now, in the order of the changes, so `dropCount: 1` always drops the next change's delivery.
      const dropped = takeDrop();
      pending++;
      const previous = lanes.get(delivery.url) ?? Promise.resolve();
      const next = previous.then(afterAnswer).then(async () => {
        if (queuedIn !== generation) return;
        if (!dropped) return attempt(delivery, identifier, 0);
        log.skip({ ...delivery, headers: headersFor(delivery, identifier, 0), reason: "dropped by a webhook fault" });
        settle();
      });
      lanes.set(delivery.url, next);
      return identifier;
    },
    /** Resolves once every queued delivery has been sent (and retried) or dropped. */
    idle(): Promise<void> {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    faults: () => ({ ...faults }),
    setFaults(next: Partial<DeliveryFaults>) {
      faults = { dropCount: next.dropCount ?? faults.dropCount, drop: next.drop ?? faults.drop };
    },
    retryDelaysMs: () => [...retryDelaysMs],
    setRetryDelaysMs(delays: number[]) {
      retryDelaysMs = [...delays];
    },
    /** Forgets faults and queued work (reset and shutdown); deliveries already on the wire finish on their own. */
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      lanes = new Map();
      faults = { dropCount: 0, drop: false };
      retryDelaysMs = [...initialRetryDelaysMs];
      pending = 0;
      generation++;
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    },
  };
}
