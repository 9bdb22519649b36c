/*
 * The org Overview: one loader per panel, so each streams on its own. Server-only: components import its types
 * with `import type`.
 */
export {
  ATTENTION_ITEMS_SHOWN,
  loadOverviewAttention,
  type AttentionRollback,
  type AttentionWrite,
  type OverviewAttention,
} from "./attention";
export { BREAKING_ISSUES_SHOWN, loadOverviewIssues, type BreakingIssue, type OverviewIssues } from "./issues";
export { loadOverviewOrgSummary, type OverviewOrgSummary } from "./org-summary";
export { LATEST_RELEASES_SHOWN, loadOverviewReleases, type OverviewReleases } from "./releases";
export { loadOverviewSprints, type IdleBoard, type OverviewSprints } from "./sprints";
