// Sentry in the browser, loaded as its own chunk once the page has started rather than
// in every page's first-load JavaScript: the SDK is about a third of the shared bundle.
// Errors in the first moments before it loads are the price; the server side (which
// renders everything first) reports from the start.
import type * as SentryModuleNamespace from "@sentry/nextjs";

type SentryModule = typeof SentryModuleNamespace;

let sentry: SentryModule | null = null;
void import("./sentry.client.config")
  .then(() => import("@sentry/nextjs"))
  .then((loaded) => {
    sentry = loaded;
  });

/** Navigation spans, once Sentry is there (they only matter with tracing switched on). */
export function onRouterTransitionStart(...args: Parameters<SentryModule["captureRouterTransitionStart"]>) {
  sentry?.captureRouterTransitionStart(...args);
}
