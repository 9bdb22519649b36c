import "server-only";
import { db } from "@/lib/db/client";

/** Per linked pair and field: each side's last value and when it changed, for later-change-wins conflicts. */
export async function listSyncFieldStates({ orgId, linkId }: { orgId: string; linkId: string }) {
  const rows = await db.syncFieldState.findMany({ where: { orgId, linkId } });
  return Object.fromEntries(
    rows.map((row) => [
      row.field,
      {
        jiraValue: row.jiraValue,
        jiraChangedAt: row.jiraChangedAt,
        sentryValue: row.sentryValue,
        sentryChangedAt: row.sentryChangedAt,
      },
    ]),
  );
}

/**
 * Records the value one side now has; when Bosun carried it over (`propagated`), the other side holds
 * it too, from the same moment.
 */
export async function saveSyncFieldState({
  orgId,
  linkId,
  field,
  side,
  value,
  at,
  propagated,
}: {
  orgId: string;
  linkId: string;
  field: string;
  side: "jira" | "sentry";
  value: string;
  at: Date;
  propagated: boolean;
}) {
  const jira = { jiraValue: value, jiraChangedAt: at };
  const sentry = { sentryValue: value, sentryChangedAt: at };
  const data = propagated ? { ...jira, ...sentry } : side === "jira" ? jira : sentry;
  await db.syncFieldState.upsert({
    where: { linkId_field: { linkId, field } },
    create: { orgId, linkId, field, ...data },
    update: data,
  });
}
