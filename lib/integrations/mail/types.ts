/** One e-mail as Bosun sends it: plain text and HTML alternatives of the same content. */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The person's one-click unsubscribe URL (answers a POST), sent as List-Unsubscribe (RFC 2369 and 8058). */
  unsubscribeUrl?: string;
};

/** What a sent e-mail answers, stored as the outbox write's result. */
export type SentMail = { messageId: string; accepted: string[] };
