/**
 * Outgoing webhooks from an emulator, recorded with the receiver's answer so
 * tests (and people) can see what was sent and how Bosun responded.
 */
export type SentWebhook = {
  id: string;
  url: string;
  sentAt: string;
  headers: Record<string, string>;
  body: string;
  status: number | null;
  responseBody: string | null;
  error: string | null;
  /** Set when a fault dropped the delivery: it was logged but never sent. */
  dropped?: boolean;
};

export type WebhookLog = {
  send(input: { url: string; headers: Record<string, string>; body: string; timeoutMs?: number }): Promise<SentWebhook>;
  /** Logs a delivery that is deliberately not sent (a missed webhook), with the reason as its error. */
  skip(input: { url: string; headers: Record<string, string>; body: string; reason: string }): SentWebhook;
  list(): SentWebhook[];
  clear(): void;
};

export function createWebhookLog(limit = 500): WebhookLog {
  let sent: SentWebhook[] = [];
  let seq = 0;
  const start = (url: string, headers: Record<string, string>, body: string): SentWebhook => {
    const record: SentWebhook = {
      id: `wh_${++seq}`,
      url,
      sentAt: new Date().toISOString(),
      headers,
      body,
      status: null,
      responseBody: null,
      error: null,
    };
    sent.push(record);
    if (sent.length > limit) sent = sent.slice(-limit);
    return record;
  };
  return {
    skip({ url, headers, body, reason }) {
      return Object.assign(start(url, headers, body), { error: reason, dropped: true });
    },
    async send({ url, headers, body, timeoutMs = 5_000 }) {
      const record = start(url, headers, body);
      try {
        const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
        record.status = response.status;
        record.responseBody = (await response.text()).slice(0, 2_000);
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      return record;
    },
    list: () => [...sent],
    clear: () => {
      sent = [];
    },
  };
}
