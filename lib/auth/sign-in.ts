import "server-only";
import { appendAuditEntry } from "@/lib/db/queries/audit-log";
import { listActiveOrgIdsForUser, recordSignIn } from "@/lib/db/queries/users";
import { getRequestLogger, getRequestId } from "@/lib/observability/request-context";

type SignedInUser = { id: string; email: string; firstName: string | null; lastName: string | null };

/**
 * After AuthKit completes a sign-in: keep the user's profile current and write a
 * "user.signed_in" entry to the audit log of every org they belong to, with
 * this request's id so the entry can be matched to the logs.
 */
export async function completeSignIn(user: SignedInUser) {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email;
  const record = await recordSignIn({ workosUserId: user.id, email: user.email, name });
  const requestId = await getRequestId();
  const orgIds = await listActiveOrgIdsForUser({ userId: record.id });
  await Promise.all(
    orgIds.map((orgId) =>
      appendAuditEntry({
        orgId,
        actor: { type: "user", id: record.id, label: record.email },
        action: "user.signed_in",
        target: { type: "user", id: record.id },
        summary: `${record.name} signed in`,
        requestId,
      }),
    ),
  );
  (await getRequestLogger()).info({ userId: record.id, orgs: orgIds.length }, "user signed in");
}
