import "server-only";
import { db } from "@/lib/db/client";

export async function getOrgSecuritySettings({ orgId }: { orgId: string }) {
  return db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { requireMfa: true, sessionIdleTimeoutMinutes: true },
  });
}

export async function updateOrgSecuritySettings({
  orgId,
  requireMfa,
  sessionIdleTimeoutMinutes,
}: {
  orgId: string;
  requireMfa: boolean;
  sessionIdleTimeoutMinutes: number | null;
}) {
  return db.organization.update({
    where: { id: orgId },
    data: { requireMfa, sessionIdleTimeoutMinutes },
    select: { requireMfa: true, sessionIdleTimeoutMinutes: true },
  });
}

/** The org's tunables (a JSON object; each feature validates its own part). */
export async function getOrgSettings({ orgId }: { orgId: string }): Promise<Record<string, unknown>> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { settings: true } });
  return (org.settings ?? {}) as Record<string, unknown>;
}

export async function setOrgSetting({ orgId, key, value }: { orgId: string; key: string; value: unknown }) {
  const settings = await getOrgSettings({ orgId });
  return db.organization.update({ where: { id: orgId }, data: { settings: { ...settings, [key]: value } as object } });
}
