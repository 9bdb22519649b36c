import "server-only";
import pg from "pg";
import { logger } from "@/lib/platform/observability/logger";

const RECONNECT_MS = 5_000;

export type ChannelListener = {
  /** A NOTIFY on the channel, with its payload. */
  onNotify: (payload: string) => void;
  /** Listening (again): whatever was sent while not listening was missed. */
  onUp: () => void;
  /** The connection dropped: notifications are being missed until `onUp`. */
  onDown?: () => void;
};

/**
 * LISTENs on one channel on a connection of its own (LISTEN holds a session, so it cannot share the pool). If the
 * connection drops it says so and reconnects every few seconds. Returns a function that stops listening.
 */
export function listenOnChannel(databaseUrl: string, channel: string, listener: ChannelListener): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const label = `${channel} notifications`;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl, application_name: `bosun-listener-${channel}` });
    next.on("notification", (message) => listener.onNotify(message.payload ?? ""));
    next.on("error", (error) => {
      logger.warn({ err: error }, `${label} lost their connection; reconnecting`);
      void next.end().catch(() => {});
      if (client === next) {
        client = null;
        listener.onDown?.();
      }
      schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (stopped) return void (await next.end());
      client = next;
      listener.onUp();
    } catch (error) {
      logger.warn({ err: error }, `could not listen for ${label}; retrying`);
      void next.end().catch(() => {});
      schedule();
    }
  };
  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  };

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => {});
  };
}
