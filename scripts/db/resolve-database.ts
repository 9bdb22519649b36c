import { missingEmbeddedBinary } from "./embedded-binary";
import { DatabaseStartError, startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";

/** DATABASE_URL when set (any PostgreSQL), otherwise the embedded server. */
export async function resolveDatabase(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const configured = process.env.DATABASE_URL?.trim();
  if (configured) return { url: configured, embedded: null };
  const missing = missingEmbeddedBinary();
  if (missing) throw new DatabaseStartError(missing);
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.urlFor(), embedded };
}

/** Runs a CLI step against the resolved database and exits (the engine leaves timers behind). */
export async function runDatabaseCommand(step: (url: string) => Promise<void>) {
  let embedded: EmbeddedServer | null = null;
  try {
    const resolved = await resolveDatabase();
    embedded = resolved.embedded;
    await step(resolved.url);
    await embedded?.stop();
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await embedded?.stop().catch(() => {});
    process.exit(1);
  }
}

export function redactUrl(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
