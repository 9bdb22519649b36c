import type { AutomationWrite } from "@/lib/features/automations";

/**
 * Where a failed write's input can be corrected and sent again. Sending the
 * corrected request under the same key supersedes the failed write, so this is
 * the page that built it, not a raw editor of its fields. Pure.
 */
export function editTarget(
  orgSlug: string,
  write: Pick<AutomationWrite, "operation" | "idempotencyKey" | "runId">,
): { href: string; hint: string } | null {
  if (write.runId)
    return {
      href: `/${orgSlug}/automations#run-log`,
      hint: "Retry sends it as it was; to change it, correct the rule above, then retry its run in the run log, which sends it with the rule's new settings and finishes the run.",
    };
  if (write.operation === "jira.issue.create" && write.idempotencyKey.startsWith("sentry-ticket:")) {
    return {
      href: `/${orgSlug}/errors`,
      hint: "Choose the right Jira project on the errors page and create the ticket again: it replaces this failed one.",
    };
  }
  return null;
}
