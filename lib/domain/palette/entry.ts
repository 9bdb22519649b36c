/** What the command palette can jump to, in the order kinds are listed when their matches tie. */
export const PALETTE_KINDS = ["page", "jira", "error", "release", "board"] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

/**
 * One destination. `href` is a path in Bosun, or an absolute URL when
 * `external` (an issue in Jira itself). `keywords` are matched too, after the label.
 */
export type PaletteEntry = {
  kind: PaletteKind;
  label: string;
  detail?: string;
  href: string;
  external?: boolean;
  keywords?: string[];
};

/** The longest search the palette sends (and its route accepts). */
export const MAX_QUERY_LENGTH = 100;
