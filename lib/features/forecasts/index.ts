/*
 * What pages, route handlers, MCP tools and other features use of the forecasts. Server-only: client components
 * import its types with `import type`.
 */
export { FORECAST_SEED, type ForecastRow, type ForecastTarget } from "./forecast-rows";
export { loadForecast, loadForecastsPage, type ForecastsPage, type Freshness, type SingleForecast } from "./page";
export { forecastTables, forecastCells } from "./tables";
export { FORECAST_HISTORY_SPRINTS } from "./throughput";
export { loadVersionForecast, type VersionForecastSummary } from "./version-forecast";
