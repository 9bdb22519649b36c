import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { CaughtMessage } from "./store";

/** Larger messages are refused at the SMTP level (552); notification e-mails are a few kilobytes. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

const addressesOf = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) =>
    group.value.flatMap((a) => (a.address ? [a.address] : [])),
  );

/**
 * An SMTP server that accepts every message (any credentials, or none; no
 * STARTTLS, so nodemailer talks plain SMTP to it) and hands each one, parsed,
 * to `onMessage`. Recipients are the envelope's, so Bcc'd addresses show too.
 */
export async function startSmtpCatcher({
  host,
  port,
  onMessage,
}: {
  host: string;
  port: number;
  onMessage: (message: CaughtMessage) => void;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    hideSTARTTLS: true,
    logger: false,
    size: MAX_MESSAGE_BYTES,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "anonymous" }),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          // The raw line: mailparser folds List-* headers into one parsed object.
          const listUnsubscribe = parsed.headerLines.find((h) => h.key === "list-unsubscribe");
          onMessage({
            from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
            to: envelopeTo.length > 0 ? envelopeTo : addressesOf(parsed.to),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            receivedAt: new Date().toISOString(),
            messageId: parsed.messageId ?? null,
            listUnsubscribe: listUnsubscribe ? listUnsubscribe.line.replace(/^list-unsubscribe:\s*/i, "") : null,
          });
          callback();
        })
        .catch((error: unknown) => callback(error as Error));
    },
  });
  server.on("error", () => {
    // A client that drops mid-session is not the catcher's problem.
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
