export { computeDora, DEFAULT_ENVIRONMENT, DEFAULT_FAILURE_WINDOW_HOURS } from "./report";
export {
  CHANGE_FAILURE_RATE_NOTE,
  DORA_THRESHOLDS,
  DORA_THRESHOLDS_SOURCE,
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  recoveryBand,
  type Threshold,
} from "./thresholds";
export { percentile } from "./percentile";
export { patchLine } from "./versions";
export type * from "./types";
