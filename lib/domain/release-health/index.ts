export { crashFreeRate } from "./crash-free-rate";
export { compareVersions } from "./compare-versions";
export { releaseHealth } from "./release-health";
export { healthSeries, type HealthPoint, type HealthSeriesPoint } from "./health-series";
export { DEFAULT_RELEASE_HEALTH_SETTINGS, releaseHealthSettingsSchema, type ReleaseHealthSettings } from "./settings";
export type { ReleaseHealth, ReleaseInput, ReleaseRegression } from "./types";
