import "server-only";
import { getOrgSlug } from "@/lib/db/queries/notifications";
import { notify } from "./notify";

/**
 * "A rule failed or was dead-lettered": to the person who created the rule and
 * the admins, once per run (a retried run that fails again is the same failure).
 */
export async function notifyRuleFailed({
  orgId,
  rule,
  runId,
  message,
}: {
  orgId: string;
  rule: { id: string; name: string; createdById: string | null };
  runId: string;
  message: string | null;
}): Promise<{ notified: number }> {
  const slug = await getOrgSlug({ orgId });
  if (!slug) return { notified: 0 };
  const { notified } = await notify({
    orgId,
    event: "rule_failed",
    recipients: { userIds: rule.createdById ? [rule.createdById] : [], roles: ["admin"] },
    title: `Automation “${rule.name}” failed`,
    body: message ? `The run ended in failure: ${message}` : "The run ended in failure; the run log has the details.",
    link: `/${slug}/automations?run=${encodeURIComponent(runId)}`,
    dedupeKey: `rule_failed:${runId}`,
  });
  return { notified };
}
