import type { PerformanceRegression, ReleaseScorecard } from "@/lib/features/performance";

/** Why a release is flagged, one item per reason: the crash-free regression first, then each performance regression. */
export function ReasonItems({
  crashReason,
  regressions,
}: {
  crashReason: string | null;
  regressions: PerformanceRegression[];
}) {
  return (
    <>
      {crashReason && (
        <li>
          <span className="font-medium">Crash-free:</span> {crashReason}
        </li>
      )}
      {regressions.map((regression) => (
        <li key={regression.metric}>
          <span className="font-medium">Performance:</span> {regression.reason}
        </li>
      ))}
    </>
  );
}

/** The scorecard's reasons under a heading naming the release it was compared with; nothing when it is not flagged. */
export function RegressionReasons({ scorecard }: { scorecard: ReleaseScorecard }) {
  if (!scorecard.isRegression) return null;
  return (
    <div className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
      <p className="font-semibold">Flagged against {scorecard.comparedTo ?? "the previous release"}</p>
      <ul className="mt-1 space-y-1">
        <ReasonItems crashReason={scorecard.crashRegression.reason} regressions={scorecard.performanceRegressions} />
      </ul>
    </div>
  );
}
