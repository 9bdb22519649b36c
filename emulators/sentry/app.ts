import type { HookSender, HookTarget } from "./hooks";
import type { SerializeContext } from "./serialize-issue";
import type { OrgState, SentryStore } from "./store";

/** What route modules share: state, webhook delivery and the public base URL. */
export type SentryApp = {
  store: SentryStore;
  hooks: HookSender;
  target: HookTarget;
  /** Base URL links point at (the emulator's own address once it listens). */
  baseUrl: { value: string };
};

export function contextFor(app: SentryApp, org: OrgState): SerializeContext {
  return { store: app.store, org, baseUrl: app.baseUrl.value, nowMs: app.store.now() };
}

/** Runs a webhook delivery without holding up the API answer. */
export function deliverLater(promise: Promise<unknown>) {
  promise.catch((error: unknown) => console.error("[sentry] webhook delivery failed", error));
}
