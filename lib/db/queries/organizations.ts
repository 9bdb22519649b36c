import "server-only";
import { db } from "@/lib/db/client";

export async function getOrgSecuritySettings({ orgId }: { orgId: string }) {
  return db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { requireMfa: true, sessionIdleTimeoutMinutes: true } });
}

export async function updateOrgSecuritySettings({ orgId, requireMfa, sessionIdleTimeoutMinutes }: { orgId: string; requireMfa: boolean; sessionIdleTimeoutMinutes: number | null }) {
  return db.organization.update({ where: { id: orgId }, data: { requireMfa, sessionIdleTimeoutMinutes }, select: { requireMfa: true, sessionIdleTimeoutMinutes: true } });
}

export async function findOrgByWorkosId({ workosOrgId }: { workosOrgId: string }) {
  return db.organization.findUnique({ where: { workosOrgId }, select: { id: true, slug: true, name: true, workosOrgId: true } });
}
