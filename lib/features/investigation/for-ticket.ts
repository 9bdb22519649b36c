import "server-only";
import { getOrgSlug } from "@/lib/db/queries/notifications";
import type { AdfDoc } from "@/lib/domain/adf";
import { scrubAdf, withInvestigation } from "@/lib/domain/investigation/jira-description";
import type { OwnershipFacts } from "@/lib/domain/ownership/facts";
import { env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/observability/logger";
import { loadInvestigation, type IssueRead } from "./load";
import { investigationPath } from "./paths";

export type TicketInvestigation = {
  /** The latest event's ownership facts, for choosing the assignee; null without an event. */
  facts: OwnershipFacts | null;
  /** The ticket's description with the report appended, every text scrubbed of personal data. */
  describe: (description: AdfDoc) => AdfDoc;
};

/**
 * What a Jira bug filed for a Sentry issue takes from the issue's
 * investigation report. Filing the bug matters more than the report: if the
 * report cannot be built, the description is still scrubbed and the bug filed.
 */
export async function investigationForTicket({ orgId, issueId, requestId }: IssueRead): Promise<TicketInvestigation> {
  const plain: TicketInvestigation = { facts: null, describe: (description) => scrubAdf(description) };
  try {
    const [page, orgSlug] = await Promise.all([
      loadInvestigation({ orgId, issueId, requestId }),
      getOrgSlug({ orgId }),
    ]);
    if (page.status !== "ok" || !orgSlug) return plain;
    const url = `${env.publicUrl}${investigationPath(orgSlug, issueId)}`;
    return {
      facts: page.facts,
      describe: (description) => scrubAdf(withInvestigation(description, page.report, url)),
    };
  } catch (error) {
    logger.warn({ err: error, orgId, issueId }, "investigation report for a Jira ticket failed; filing without it");
    return plain;
  }
}
