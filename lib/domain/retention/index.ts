export {
  DEFAULT_RETENTION_SETTINGS,
  RETENTION_BOUNDS,
  readRetentionSettings,
  retentionSettingsInputSchema,
  retentionSettingsSchema,
  type RetentionSettings,
} from "./settings";
export {
  NOTHING_PRUNED,
  SESSION_MAX_LIFETIME_DAYS,
  STALE_CACHE_KEEP_DAYS,
  describePruned,
  prunedAnything,
  retentionCutoffs,
  retentionDay,
  type OrgCutoffs,
  type RetentionCounts,
} from "./cutoffs";
