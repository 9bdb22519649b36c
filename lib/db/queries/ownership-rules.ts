import "server-only";
import { db } from "@/lib/db/client";

/** A Sentry project's ownership rules as stored: one text per (org, project). */
export type OwnershipRuleSetRow = {
  sentryProjectSlug: string;
  raw: string;
  importedAt: Date | null;
  updatedById: string | null;
  updatedAt: Date;
};

const select = { sentryProjectSlug: true, raw: true, importedAt: true, updatedById: true, updatedAt: true } as const;

export async function findOwnershipRuleSet({
  orgId,
  sentryProjectSlug,
}: {
  orgId: string;
  sentryProjectSlug: string;
}): Promise<OwnershipRuleSetRow | null> {
  return db.ownershipRuleSet.findUnique({ where: { orgId_sentryProjectSlug: { orgId, sentryProjectSlug } }, select });
}

export async function listOwnershipRuleSets({ orgId }: { orgId: string }): Promise<OwnershipRuleSetRow[]> {
  return db.ownershipRuleSet.findMany({ where: { orgId }, select, orderBy: { sentryProjectSlug: "asc" } });
}

/** Writes a project's rules; `importedAt` is set when the text came from Sentry, and kept otherwise. */
export async function saveOwnershipRuleSet({
  orgId,
  sentryProjectSlug,
  raw,
  updatedById,
  importedAt,
}: {
  orgId: string;
  sentryProjectSlug: string;
  raw: string;
  updatedById: string | null;
  importedAt?: Date;
}): Promise<OwnershipRuleSetRow> {
  return db.ownershipRuleSet.upsert({
    where: { orgId_sentryProjectSlug: { orgId, sentryProjectSlug } },
    create: { orgId, sentryProjectSlug, raw, updatedById, importedAt: importedAt ?? null },
    update: { raw, updatedById, ...(importedAt ? { importedAt } : {}) },
    select,
  });
}
