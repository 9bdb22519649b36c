/*
 * What pages, route handlers and other features use of the command palette.
 * Server-only: client components import its types with `import type`.
 */
export { PALETTE_LIMIT, searchPalette } from "./search";
