/** The org's deployment hook as Bosun calls it: where, with which secret, and how long to wait for an answer. */
export type RollbackHookConfig = { url: string; secret: string; timeoutSeconds: number };

/** What the hook answered to an accepted request: its status and its words, shortened and made plain. */
export type RollbackHookAnswer = { status: number; body: string };
