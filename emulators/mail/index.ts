import { type RunningEmulator, Router, createEmulatorServer } from "../common/http";
import { DEMO_ROLLBACK_SECRET, createRollbackReceiver } from "./rollback-receiver";
import { renderMessagesPage } from "./page";
import { startSmtpCatcher } from "./smtp";
import { type MailStore, createMailStore } from "./store";

export { DEMO_ROLLBACK_SECRET, signRollback } from "./rollback-receiver";
export type { CaughtMessage, ReceivedRollback } from "./store";

export type MailStartOptions = {
  host?: string;
  /** SMTP port; 0 picks a free one. */
  smtpPort?: number;
  /** HTTP port of the page, the messages JSON and the rollback receiver; 0 picks a free one. */
  httpPort?: number;
  /** The rollback hook's signing secret. */
  rollbackSecret?: string;
  now?: () => number;
};

export type RunningMailEmulator = RunningEmulator & {
  smtpPort: number;
  smtpUrl: string;
  store: MailStore;
};

/**
 * The demo's mail catcher: an SMTP server that keeps every message, an HTTP
 * side that shows them (`GET /`, `GET|DELETE /__emulator/messages`), and the
 * deployment system's rollback receiver (`POST /hooks/rollback…`,
 * `GET|DELETE /__emulator/rollbacks`). Faults (`/__emulator/faults`) apply to the hooks.
 */
export async function startMailEmulator({
  host = "127.0.0.1",
  smtpPort = 4105,
  httpPort = 4104,
  rollbackSecret = DEMO_ROLLBACK_SECRET,
  now,
}: MailStartOptions = {}): Promise<RunningMailEmulator> {
  const store = createMailStore();
  const receiveRollback = createRollbackReceiver({ store, secret: rollbackSecret, now });
  const router = new Router()
    .get("/", () => ({
      status: 200,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      },
      body: renderMessagesPage(store.listMessages()),
    }))
    .post("/hooks/rollback", receiveRollback)
    .post("/hooks/rollback/:a", receiveRollback)
    .post("/hooks/rollback/:a/:b", receiveRollback)
    .post("/hooks/rollback/:a/:b/:c", receiveRollback);
  const control = new Router()
    .get("/messages", () => ({ status: 200, body: store.listMessages() }))
    .delete("/messages", () => {
      store.clearMessages();
      return { status: 200, body: [] };
    })
    .get("/rollbacks", () => ({ status: 200, body: store.listRollbacks() }))
    .delete("/rollbacks", () => {
      store.clearRollbacks();
      return { status: 200, body: [] };
    });
  const http = createEmulatorServer({
    name: "mail",
    router,
    control,
    reset: () => {
      store.clearMessages();
      store.clearRollbacks();
    },
    describe: () => ({ messages: store.listMessages().length, rollbacks: store.listRollbacks().length }),
    errorBody: (_status, message) => ({ error: message }),
  });
  const smtp = await startSmtpCatcher({ host, port: smtpPort, onMessage: store.addMessage });
  let running: RunningEmulator;
  try {
    running = await http.listen(httpPort, host);
  } catch (error) {
    await smtp.close();
    throw error;
  }
  return {
    ...running,
    smtpPort: smtp.port,
    smtpUrl: `smtp://${host}:${smtp.port}`,
    store,
    close: async () => {
      await Promise.all([running.close(), smtp.close()]);
    },
  };
}
