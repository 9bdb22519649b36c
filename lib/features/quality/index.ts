/*
 * What pages, route handlers and other features use of the quality figures. Server-only: client components import
 * its types with `import type`.
 */
export { QUALITY_WINDOW_DAYS } from "./bugs";
export type { Quality } from "./build";
export { QUALITY_NOTES } from "./notes";
export { loadQualityPage, type QualityPage, type SourceRead } from "./page";
export { qualityCells, qualityTables } from "./tables";
