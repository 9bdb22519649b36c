import type { ReleaseScorecard } from "@/lib/features/performance";

/**
 * Why a release is flagged, in words: the crash-free regression first, then each performance regression. Nothing
 * when it is not flagged.
 */
export function RegressionReasons({ scorecard }: { scorecard: ReleaseScorecard }) {
  if (!scorecard.isRegression) return null;
  const { crashRegression, performanceRegressions } = scorecard;
  return (
    <div className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
      <p className="font-semibold">Flagged against {scorecard.comparedTo ?? "the previous release"}</p>
      <ul className="mt-1 space-y-1">
        {crashRegression.reason && (
          <li>
            <span className="font-medium">Crash-free:</span> {crashRegression.reason}
          </li>
        )}
        {performanceRegressions.map((regression) => (
          <li key={regression.metric}>
            <span className="font-medium">Performance:</span> {regression.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
