/**
 * The local stand-ins for WorkOS, Jira and Sentry that demo mode runs against.
 * Returns a function that stops them.
 */
export async function startDemoServices(): Promise<() => Promise<void>> {
  return async () => {};
}
