import "server-only";
import { db } from "@/lib/db/client";

export type AvailabilityKind = "time_off" | "on_call";

/** Time off and on-call periods of an org's active members that overlap [from, to] (ISO dates, inclusive). */
export async function listAvailability({
  orgId,
  from,
  to,
  userId,
}: {
  orgId: string;
  from?: string;
  to?: string;
  userId?: string;
}) {
  return db.availability.findMany({
    where: {
      orgId,
      ...(to ? { startsOn: { lte: new Date(`${to}T00:00:00Z`) } } : {}),
      ...(from ? { endsOn: { gte: new Date(`${from}T00:00:00Z`) } } : {}),
      ...(userId ? { membership: { userId } } : {}),
    },
    select: {
      id: true,
      kind: true,
      startsOn: true,
      endsOn: true,
      note: true,
      membership: { select: { id: true, userId: true, user: { select: { name: true } } } },
    },
    orderBy: { startsOn: "asc" },
  });
}

export async function addAvailability({
  orgId,
  membershipId,
  kind,
  startsOn,
  endsOn,
  note,
}: {
  orgId: string;
  membershipId: string;
  kind: AvailabilityKind;
  startsOn: string;
  endsOn: string;
  note: string | null;
}) {
  return db.availability.create({
    data: {
      orgId,
      membershipId,
      kind,
      startsOn: new Date(`${startsOn}T00:00:00Z`),
      endsOn: new Date(`${endsOn}T00:00:00Z`),
      note,
    },
  });
}

export async function findAvailability({ orgId, id }: { orgId: string; id: string }) {
  return db.availability.findFirst({
    where: { id, orgId },
    select: { id: true, membership: { select: { userId: true } } },
  });
}

export async function deleteAvailability({ orgId, id }: { orgId: string; id: string }) {
  return db.availability.deleteMany({ where: { id, orgId } });
}

export async function setAllocation({
  orgId,
  userId,
  allocationPercent,
}: {
  orgId: string;
  userId: string;
  allocationPercent: number;
}) {
  return db.membership.update({ where: { orgId_userId: { orgId, userId } }, data: { allocationPercent } });
}

/** Active members with their Jira account and allocation: the people sprint capacity is computed for. */
export async function listTeam({ orgId }: { orgId: string }) {
  return db.membership.findMany({
    where: { orgId, status: "active" },
    select: {
      id: true,
      role: true,
      allocationPercent: true,
      jiraAccountId: true,
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: { user: { name: "asc" } },
  });
}
