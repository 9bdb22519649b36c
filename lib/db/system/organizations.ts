// WorkOS names an org by its own id; this finds which Bosun org that is, so it takes no orgId.
import "server-only";
import { db } from "@/lib/db/client";

export async function findOrgByWorkosId({ workosOrgId }: { workosOrgId: string }) {
  return db.organization.findUnique({
    where: { workosOrgId },
    select: { id: true, slug: true, name: true, workosOrgId: true },
  });
}
