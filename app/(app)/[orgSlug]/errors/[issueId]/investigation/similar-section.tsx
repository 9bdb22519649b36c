import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { InvestigationReport } from "@/lib/features/investigation";

/** Other issues with the same culprit, each linked to its own investigation report. */
export function SimilarSection({ orgSlug, issues }: { orgSlug: string; issues: InvestigationReport["similarIssues"] }) {
  return (
    <Card title="Similar issues">
      {issues.length === 0 ? (
        <p className="text-sm">No other issue in the last 90 days has the same culprit.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {issues.map((issue) => (
            <li key={issue.id}>
              <Link
                href={`/${orgSlug}/errors/${issue.id}/investigation`}
                className="font-medium text-brand-600 hover:underline dark:text-brand-300"
              >
                <span className="font-mono">{issue.shortId}</span> {issue.title}
              </Link>{" "}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {issue.status} · {issue.eventCount.toLocaleString("en")} events · last seen{" "}
                {issue.lastSeen.slice(0, 10)} · same {issue.reason}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
