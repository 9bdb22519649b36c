/** What the catcher keeps: caught e-mails and received rollback requests, newest last, bounded. */

export type CaughtMessage = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
  /** Extra fields beyond the documented shape, for tests of idempotent sends and unsubscribe headers. */
  messageId: string | null;
  listUnsubscribe: string | null;
};

export type ReceivedRollback = {
  id: string;
  idempotencyKey: string;
  receivedAt: string;
  headers: { timestamp: string; signature: string };
  body: unknown;
  deliveries: number;
  /** The first answer, repeated to every later delivery under the same key. */
  answer: { status: number; body: unknown };
};

const MAX_KEPT = 2_000;

export function createMailStore() {
  let messages: CaughtMessage[] = [];
  let rollbacks: ReceivedRollback[] = [];
  let nextRollback = 1;
  const keep = <T>(list: T[], item: T) => {
    list.push(item);
    if (list.length > MAX_KEPT) list.splice(0, list.length - MAX_KEPT);
  };
  return {
    addMessage: (message: CaughtMessage) => keep(messages, message),
    listMessages: () => [...messages],
    clearMessages: () => {
      messages = [];
    },
    findRollback: (idempotencyKey: string) => rollbacks.find((r) => r.idempotencyKey === idempotencyKey),
    addRollback: (entry: Omit<ReceivedRollback, "id" | "answer" | "deliveries">) => {
      const id = `rb_${nextRollback++}`;
      const recorded: ReceivedRollback = {
        ...entry,
        id,
        deliveries: 1,
        answer: { status: 202, body: { status: "accepted", rollbackId: id } },
      };
      keep(rollbacks, recorded);
      return recorded;
    },
    listRollbacks: () => rollbacks.map(({ answer: _answer, ...rest }) => rest),
    clearRollbacks: () => {
      rollbacks = [];
    },
  };
}

export type MailStore = ReturnType<typeof createMailStore>;
