import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/platform/env";
import { classifyMailFailure, messageIdFor, oneLine, unsubscribeHeaders } from "./transform";
import type { OutgoingMail, SentMail } from "./types";

/**
 * SMTP through nodemailer, to SMTP_URL (demo mode: the mail catcher). One
 * transport per configuration, rebuilt when tests reload the environment.
 */
let instance: { transport: Transporter; config: typeof env.mail } | undefined;
function transport(): Transporter {
  if (instance?.config === env.mail) return instance.transport;
  const { smtpUrl } = env.mail;
  if (!smtpUrl) throw Object.assign(new Error("E-mail is not configured: set SMTP_URL"), { status: 412 });
  instance?.transport.close();
  instance = {
    config: env.mail,
    // Timeouts well under the outbox lease, so a silent server fails the try instead of holding it.
    transport: nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never),
  };
  return instance.transport;
}

export async function sendMail(
  mail: OutgoingMail,
  { orgId, idempotencyKey }: { orgId: string; idempotencyKey: string },
): Promise<SentMail> {
  const messageId = messageIdFor({ orgId, idempotencyKey });
  try {
    const info = (await transport().sendMail({
      from: env.mail.from,
      to: mail.to,
      subject: oneLine(mail.subject),
      text: mail.text,
      html: mail.html,
      messageId,
      headers: mail.unsubscribeUrl ? unsubscribeHeaders(mail.unsubscribeUrl) : undefined,
    })) as { accepted?: (string | { address: string })[]; rejected?: unknown[] };
    const accepted = (info.accepted ?? []).map((a) => (typeof a === "string" ? a : a.address));
    if (accepted.length === 0) throw Object.assign(new Error(`The mail server refused ${mail.to}`), { status: 422 });
    return { messageId, accepted };
  } catch (error) {
    throw classifyMailFailure(error);
  }
}
