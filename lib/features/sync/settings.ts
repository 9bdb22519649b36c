import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { getOrgSettings, setOrgSetting } from "@/lib/db/queries/organizations";
import type { JsonInput } from "@/lib/db/types";
import { SYNC_SETTINGS_KEY, readSyncSettings, type SyncSettings } from "@/lib/domain/sync";

/** The org's sync settings; anything missing or invalid means its (off) default. */
export async function getSyncSettings({ orgId }: { orgId: string }): Promise<SyncSettings> {
  return readSyncSettings((await getOrgSettings({ orgId }))[SYNC_SETTINGS_KEY]);
}

/** Stores the settings and audits the fields that changed; returns their names. */
export async function saveSyncSettings({
  orgId,
  settings,
  actor,
  requestId,
}: {
  orgId: string;
  settings: SyncSettings;
  actor: { type: "user"; id: string; label: string };
  requestId: string | null;
}): Promise<string[]> {
  const before = await getSyncSettings({ orgId });
  await setOrgSetting({ orgId, key: SYNC_SETTINGS_KEY, value: settings });
  const changed = (Object.keys(settings) as (keyof SyncSettings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(settings[key]),
  );
  if (changed.length > 0)
    await appendAuditEntry({
      orgId,
      actor,
      action: "org.sync_settings_updated",
      target: { type: "organization", id: orgId },
      summary: `Jira–Sentry sync: ${changed.map((key) => `${key} ${JSON.stringify(before[key])} → ${JSON.stringify(settings[key])}`).join(", ")}`,
      changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: settings[key] }])) as JsonInput,
      requestId,
    });
  return changed;
}
