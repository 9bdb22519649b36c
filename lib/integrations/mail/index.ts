export { sendMail } from "./client";
export { messageIdFor, unsubscribeHeaders } from "./transform";
export type { OutgoingMail, SentMail } from "./types";
