/**
 * An `?environment=` value is used only when Sentry knows it: any other value
 * would be a new cache key and a new upstream request per typo (or per
 * crafted URL). Sentry environment names are at most 64 characters.
 */
export const MAX_ENVIRONMENT_LENGTH = 64;

export type EnvironmentChoice = { kind: "all" } | { kind: "known"; name: string } | { kind: "unknown"; name: string };

export function chooseEnvironment(requested: string | undefined, known: readonly string[]): EnvironmentChoice {
  const name = requested?.trim() ?? "";
  if (!name) return { kind: "all" };
  if (name.length <= MAX_ENVIRONMENT_LENGTH && known.includes(name)) return { kind: "known", name };
  return {
    kind: "unknown",
    name: name.length > MAX_ENVIRONMENT_LENGTH ? `${name.slice(0, MAX_ENVIRONMENT_LENGTH)}…` : name,
  };
}

/** What the errors page says when it ignored an unknown environment. */
export function unknownEnvironmentMessage(name: string): string {
  return `No environment named "${name}" in Sentry; showing all environments.`;
}
