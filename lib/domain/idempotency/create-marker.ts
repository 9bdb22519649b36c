import { createHash } from "node:crypto";

/**
 * The label Bosun puts on every issue it creates in Jira, so that a create
 * whose answer was lost can be found again before it is retried. Jira only
 * searches issue properties indexed by a Connect/Forge app, which an API-token
 * integration cannot declare; labels are searchable by plain JQL and are set in
 * the same request as the create, so no issue ever exists without its marker.
 *
 * The label is derived from the org and the write's idempotency key (plus the
 * element's position for a bulk create): the same write always gets the same
 * label, and no other write — in this org or another — can share it.
 */
export const CREATE_MARKER_PREFIX = "bosun-w-";

/** 20 hex digits (80 bits): short enough to read in Jira, far too many for a collision between writes. */
const MARKER_HEX_LENGTH = 20;

export function createMarker(orgId: string, idempotencyKey: string, elementIndex?: number): string {
  // JSON keeps the parts apart: key "k:3" of a single create never meets element 3 of key "k".
  const source = JSON.stringify(
    elementIndex === undefined ? [orgId, idempotencyKey] : [orgId, idempotencyKey, elementIndex],
  );
  return `${CREATE_MARKER_PREFIX}${createHash("sha256").update(source).digest("hex").slice(0, MARKER_HEX_LENGTH)}`;
}

/** The issue's own labels with the marker added once (the marker is Bosun's, so it never replaces a label asked for). */
export function withMarker(labels: string[], marker: string): string[] {
  return labels.includes(marker) ? labels : [...labels, marker];
}
