/** Session and user totals for one release, for one project or summed over all. */
export type ReleaseInput = {
  version: string;
  /** ISO timestamp; null for releases Sentry has seen but that were never marked released. */
  dateReleased: string | null;
  totalSessions: number;
  crashedSessions: number;
  erroredSessions?: number;
  totalUsers: number;
  crashedUsers: number;
  adoptionPercent: number | null;
  newIssues: number;
};

export type ReleaseRegression = {
  isRegression: boolean;
  /** The next older release, or null for the oldest. */
  comparedTo: string | null;
  /** Crash-free session points lost against `comparedTo` (negative when it improved); null when not comparable. */
  dropPoints: number | null;
  /** Why it is a regression, or why it could not be compared; null otherwise. */
  reason: string | null;
};

export type ReleaseHealth = ReleaseInput & {
  /** Percent, two decimals; null without sessions. */
  crashFreeSessions: number | null;
  /** Percent, two decimals; null without users. */
  crashFreeUsers: number | null;
  regression: ReleaseRegression;
};
