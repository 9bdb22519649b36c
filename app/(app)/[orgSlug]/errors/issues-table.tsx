import Link from "next/link";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { ReasonHint } from "@/components/ui/reason-hint";
import type { ClassifiedIssue } from "@/lib/features/errors";
import { ISSUE_CHECKBOX_NAME, TICKET_BUTTON_ATTRIBUTE } from "./issue-row-controls";
import { TriageForm } from "./triage-form";

const SEVERITY_STYLE = {
  critical: "bg-red-600 text-white",
  high: "bg-orange-700 text-white",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  low: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
} as const;

type Props = {
  orgSlug: string;
  issues: ClassifiedIssue[];
  members: { userId: string; name: string }[];
  jiraProjects: string[];
  canTicket: boolean;
  /** The header row (`IssuesTableHead`), with its sort links. */
  head: React.ReactNode;
  /** Each issue's first- and last-seen times, formatted for the viewer. */
  times: Record<string, { firstSeen: React.ReactNode; lastSeen: React.ReactNode }>;
};

/**
 * The issues table, rendered on the server: only the triage toolbar around it (`TriageForm`) runs in the browser,
 * so a page of 100 issues costs its HTML once, not again as component props.
 */
export function IssuesTable({ orgSlug, issues, members, jiraProjects, canTicket, head, times }: Props) {
  const canFile = canTicket && jiraProjects.length > 0;
  return (
    <TriageForm orgSlug={orgSlug} members={members} jiraProjects={jiraProjects} canTicket={canTicket}>
      <DataTable head={head}>
        {issues.map((issue) => (
          <TableRow key={issue.id}>
            <td className="py-2 pr-2">
              <input
                type="checkbox"
                name={ISSUE_CHECKBOX_NAME}
                value={issue.id}
                aria-label={`Select ${issue.shortId}`}
                className="h-4 w-4"
              />
            </td>
            <td className="whitespace-nowrap py-2 pr-3">
              <span
                className={`rounded px-1.5 py-0.5 text-xs font-semibold capitalize ${SEVERITY_STYLE[issue.severity]}`}
              >
                {issue.severity}
              </span>
              {issue.reasons.length > 0 && (
                <ReasonHint label={`Why is ${issue.shortId} ${issue.severity}?`}>
                  {issue.reasons.map((reason) => (
                    <span key={reason} className="block">
                      {reason}
                    </span>
                  ))}
                </ReasonHint>
              )}
            </td>
            <td className="max-w-md py-2 pr-3">
              <a href={issue.permalink} className="font-medium hover:underline">
                {issue.title}
              </a>
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                <span className="font-mono">{issue.shortId}</span> · {issue.project.slug} · {issue.level}
                {issue.culprit && ` · ${issue.culprit}`}
                {" · first seen "}
                {times[issue.id]?.firstSeen}
                {issue.firstReleaseVersion && ` in ${issue.firstReleaseVersion}`}
                {issue.substatus && ` · ${issue.substatus}`} ·{" "}
                <Link
                  href={`/${orgSlug}/errors/${issue.id}/feedback?shortId=${encodeURIComponent(issue.shortId)}`}
                  prefetch={false}
                  className="link-quiet"
                >
                  Feedback<span className="sr-only"> on {issue.shortId}</span>
                </Link>{" "}
                ·{" "}
                <Link href={`/${orgSlug}/errors/${issue.id}/investigation`} prefetch={false} className="link-quiet">
                  Investigate<span className="sr-only"> {issue.shortId}</span>
                </Link>
              </span>
            </td>
            <td className="py-2 pr-3 tabular-nums">{issue.userCount.toLocaleString("en")}</td>
            <td className="py-2 pr-3 tabular-nums">{issue.eventCount.toLocaleString("en")}</td>
            <td className="py-2 pr-3 text-xs">{times[issue.id]?.lastSeen}</td>
            <td className="py-2 pr-3 text-xs">{issue.assignee?.name ?? "—"}</td>
            <td className="py-2">
              {issue.jiraKey ? (
                <span className="font-mono text-xs">{issue.jiraKey}</span>
              ) : canFile ? (
                <button type="button" {...{ [TICKET_BUTTON_ATTRIBUTE]: issue.id }} className="row-action">
                  Create ticket<span className="sr-only"> for {issue.shortId}</span>
                </button>
              ) : null}
            </td>
          </TableRow>
        ))}
      </DataTable>
    </TriageForm>
  );
}
