import { formatCount, formatPercent } from "./format";
import type { ReleaseHealth } from "./types";

/** The "Release health" lines; the same for both variants. */
export function healthSection(health: ReleaseHealth): string[] {
  return [
    "## Release health",
    "",
    `- Crash-free sessions: ${formatPercent(health.crashFreeSessions, 2)}`,
    `- Crash-free users: ${formatPercent(health.crashFreeUsers, 2)}`,
    `- Adoption: ${formatPercent(health.adoption, 1)}${health.adoption === null ? "" : " of sessions"}`,
    `- Sessions: ${formatCount(health.sessions)}`,
  ];
}
