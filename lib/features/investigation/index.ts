/*
 * Investigation reports of Sentry issues, for the report page, the Jira bug
 * Bosun files and the MCP tool. Server-only.
 */
import "server-only";

export {
  findInvestigatedIssue,
  issueDetailCacheKey,
  loadInvestigation,
  loadInvestigationReport,
  TAG_KEYS,
  type InvestigationPage,
} from "./load";
export { investigationPath } from "./paths";
export { investigationForTicket, type TicketInvestigation } from "./for-ticket";
export type { InvestigationReport } from "@/lib/domain/investigation/types";
