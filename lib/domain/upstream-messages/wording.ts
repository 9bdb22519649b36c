/** Small wording helpers shared by the translators. */

export const SERVICE_NAMES = { jira: "Jira", sentry: "Sentry", workos: "WorkOS", github: "GitHub" } as const;

/** "ACME", "ACME or PORT", "ACME, PORT or HULL". */
export function listWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** "in ACME, PORT or HULL", or "in your Jira projects" when the caller did not say which. */
export function inProjects(keys: readonly string[] | undefined): string {
  return keys && keys.length > 0 ? `in ${listWithOr(keys)}` : "in your Jira projects";
}

/** "30 seconds", "2 minutes", "1 hour". */
export function formatWait(seconds: number): string {
  const unit = (value: number, name: string) => `${value} ${name}${value === 1 ? "" : "s"}`;
  if (seconds < 90) return unit(Math.max(1, Math.round(seconds)), "second");
  if (seconds < 90 * 60) return unit(Math.round(seconds / 60), "minute");
  return unit(Math.round(seconds / 3600), "hour");
}

/** The first value Jira quoted ('0.1.0'), if any. */
export function firstQuoted(text: string): string | null {
  return /'([^']*)'/.exec(text)?.[1] ?? null;
}

/** A service's words ready to end a sentence: trimmed, with one final full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
