/** What applying one WorkOS event came to; recorded on its delivery. */
export type EventOutcome = { status: "processed" | "ignored"; note: string };
