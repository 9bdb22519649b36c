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
};

export type WebhookLog = {
  send(input: { url: string; headers: Record<string, string>; body: string; timeoutMs?: number }): Promise<SentWebhook>;
  list(): SentWebhook[];
  clear(): void;
};

export function createWebhookLog(limit = 500): WebhookLog {
  let sent: SentWebhook[] = [];
  let seq = 0;
  return {
    async send({ url, headers, body, timeoutMs = 5_000 }) {
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
