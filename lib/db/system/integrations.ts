// Webhook intake knows only the org slug in its URL; the connection found by it tells the org, so this takes no orgId.
import "server-only";
import { db } from "@/lib/db/client";

type Provider = "jira" | "sentry" | "github";

/** The connection of the org with this slug, for webhook intake (which knows only the slug in its URL). */
export async function findConnectionBySlug({ orgSlug, provider }: { orgSlug: string; provider: Provider }) {
  return db.integrationConnection.findFirst({
    where: { provider, org: { slug: orgSlug } },
    select: { orgId: true, status: true, encryptedCredentials: true },
  });
}
