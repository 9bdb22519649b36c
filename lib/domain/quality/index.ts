export {
  bugFlow,
  bugShare,
  escapedInRelease,
  escapedInSprint,
  fixedAt,
  meanOpenAgeDays,
  median,
  timeToFix,
} from "./measures";
export { releaseWindows, within, type ReleaseDeploy } from "./periods";
export { releaseQualityRows, sprintQualityRows, type QualityRow, type SprintQualityInput } from "./rows";
export type { Bug, CompletedItem, EscapedDefect, QualityPeriod } from "./types";
