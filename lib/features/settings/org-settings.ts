import "server-only";
import { getOrgSecuritySettings, setOrgSetting, updateOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { isSessionMfaVerified } from "@/lib/db/system/sessions";
import type { RetentionSettings } from "@/lib/domain/retention";
import type { SeveritySettings } from "@/lib/domain/severity";
import type { ActionResult } from "@/lib/platform/actions/org-action";
import { auditAction, type ActionWho, type AuditEntryInput } from "@/lib/platform/actions/audit-action";
import { getOutboxRetryHours } from "@/lib/platform/outbox/retry-settings";
import { invalidateErrors, getSeveritySettings } from "@/lib/features/errors";
import { getRetentionSettings, RETENTION_SETTINGS_KEY } from "@/lib/features/retention";
import { saveTicketRouting, type TicketRouting } from "@/lib/features/tickets";
import { CALENDAR_ZONE_KEY, getCalendarTimeZone } from "./calendar-zone";

/*
 * The org-wide settings an admin saves on the settings page. Each save audits what changed, against the org itself,
 * and writes no entry when nothing did.
 */

type OrgSettingChange = Pick<AuditEntryInput, "action" | "summary" | "changes">;

async function auditOrgChange(editor: ActionWho, change: OrgSettingChange | null) {
  if (change) await auditAction(editor, { target: { type: "organization", id: editor.org.id }, ...change });
}

type SecuritySettingsInput = { requireMfa: boolean; sessionIdleTimeoutMinutes: number | null };

export async function updateSecuritySettings(
  editor: ActionWho & { sessionId: string },
  input: SecuritySettingsInput,
): Promise<ActionResult<Awaited<ReturnType<typeof updateOrgSecuritySettings>>>> {
  const orgId = editor.org.id;
  const before = await getOrgSecuritySettings({ orgId });
  // Requiring MFA from a session without it would lock the admin out mid-change.
  if (input.requireMfa && !before.requireMfa && !(await isSessionMfaVerified({ workosSessionId: editor.sessionId }))) {
    return {
      ok: false,
      error: "Set up two-step verification for yourself before requiring it for everyone.",
      fieldErrors: { requireMfa: "verify-first" },
    };
  }
  const after = await updateOrgSecuritySettings({ orgId, ...input });
  const changes = Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[])
      .filter((key) => before[key] !== after[key])
      .map((key) => [key, { from: before[key], to: after[key] }]),
  );
  await auditOrgChange(
    editor,
    Object.keys(changes).length > 0
      ? {
          action: "org.security_settings_updated",
          summary: `Security settings changed: ${Object.entries(changes)
            .map(([k, v]) => `${k} ${String(v.from)} → ${String(v.to)}`)
            .join(", ")}`,
          changes,
        }
      : null,
  );
  return { ok: true, data: after };
}

export async function updateSeverityThresholds(editor: ActionWho, input: SeveritySettings): Promise<void> {
  const orgId = editor.org.id;
  const before = await getSeveritySettings({ orgId });
  await setOrgSetting({ orgId, key: "severity", value: input });
  await invalidateErrors({ orgId });
  await auditOrgChange(editor, {
    action: "org.severity_thresholds_updated",
    summary: `Severity thresholds: high at ${input.highUserThreshold} users or ${input.highEventThreshold} events in 24 h, critical at ${input.criticalUserThreshold} users`,
    changes: { from: before, to: input },
  });
}

export async function updateTicketRouting(editor: ActionWho, routing: TicketRouting): Promise<void> {
  await saveTicketRouting({ orgId: editor.org.id, routing });
  const described = Object.entries(routing)
    .filter(([, c]) => c)
    .map(([project, component]) => `${project} → ${component}`);
  await auditOrgChange(editor, {
    action: "org.ticket_routing_updated",
    summary: described.length ? `Ticket routing: ${described.join(", ")}` : "Ticket routing cleared",
    changes: { routing },
  });
}

export async function updateOutboxRetryHours(editor: ActionWho, outboxRetryHours: number): Promise<void> {
  const orgId = editor.org.id;
  const before = await getOutboxRetryHours({ orgId });
  await setOrgSetting({ orgId, key: "outboxRetryHours", value: outboxRetryHours });
  await auditOrgChange(editor, {
    action: "org.outbox_retry_updated",
    summary: `Outbound writes are retried for ${outboxRetryHours} h (was ${before} h)`,
    changes: { outboxRetryHours: { from: before, to: outboxRetryHours } },
  });
}

export async function updateRetentionSettings(editor: ActionWho, after: RetentionSettings): Promise<void> {
  const orgId = editor.org.id;
  const before = await getRetentionSettings({ orgId });
  await setOrgSetting({ orgId, key: RETENTION_SETTINGS_KEY, value: after });
  const changed = (Object.keys(after) as (keyof RetentionSettings)[]).filter((key) => before[key] !== after[key]);
  await auditOrgChange(
    editor,
    changed.length > 0
      ? {
          action: "org.retention_updated",
          summary: `Retention: ${changed.map((key) => `${key} ${before[key]} → ${after[key]} days`).join(", ")}`,
          changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])),
        }
      : null,
  );
}

/**
 * The zone the org's calendar is kept in: sprint days, days left and report days are counted in it, the same for
 * every viewer. The sprint pages read it on every load, so nothing cached needs clearing.
 */
export async function updateCalendarTimeZone(editor: ActionWho, timeZone: string): Promise<void> {
  const orgId = editor.org.id;
  const before = await getCalendarTimeZone({ orgId });
  await setOrgSetting({ orgId, key: CALENDAR_ZONE_KEY, value: timeZone });
  await auditOrgChange(
    editor,
    before !== timeZone
      ? {
          action: "org.calendar_settings_updated",
          summary: `Calendar time zone: ${before} → ${timeZone}`,
          changes: { timeZone: { from: before, to: timeZone } },
        }
      : null,
  );
}
