"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { StepUpPrompt } from "@/components/step-up/step-up-prompt";
import { DataTable, TableRow } from "@/components/ui/data-table";
import { ReasonHint } from "@/components/ui/reason-hint";
// Types only: the feature's index is server code, and `import type` keeps it out of the browser bundle.
import type { ClassifiedIssue } from "@/lib/features/errors";
import { createTicketAction, triageAction } from "./actions";

const SEVERITY_STYLE = {
  critical: "bg-red-600 text-white",
  high: "bg-orange-700 text-white",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  low: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
} as const;

type TriageAction = "resolve" | "resolveInNextRelease" | "ignore" | "assign";

/** The toolbar's buttons for the selected issues; assigning has its own menu. */
const BULK_ACTIONS: { action: Exclude<TriageAction, "assign">; label: string }[] = [
  { action: "resolve", label: "Resolve" },
  { action: "resolveInNextRelease", label: "Resolve in next release" },
  { action: "ignore", label: "Archive until escalating" },
];

type Props = {
  orgSlug: string;
  issues: ClassifiedIssue[];
  members: { userId: string; name: string }[];
  jiraProjects: string[];
  canTicket: boolean;
  /**
   * Rendered on the server and handed in, so the sort links and the time formatting stay out of the browser's
   * JavaScript: the header row (`IssuesTableHead`) and each issue's first- and last-seen times.
   */
  head: React.ReactNode;
  times: Record<string, { firstSeen: React.ReactNode; lastSeen: React.ReactNode }>;
};

export function IssuesTable({ orgSlug, issues, members, jiraProjects, canTicket, head, times }: Props) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{
    ok: boolean;
    text: string;
    url?: string;
    stepUpUrl?: string;
    retry?: { issueId: string; projectKey: string };
  } | null>(null);
  const [pending, startTransition] = useTransition();
  const [ticketProject, setTicketProject] = useState(jiraProjects[0] ?? "");

  function triage(issueIds: string[], action: TriageAction, assigneeUserId?: string) {
    startTransition(async () => {
      const result = await triageAction({
        orgSlug,
        issueIds,
        action,
        assigneeUserId,
        idempotencyKey: crypto.randomUUID(),
      });
      setMessage(
        result.ok
          ? { ok: true, text: result.data.message }
          : { ok: false, text: result.error, stepUpUrl: result.stepUp?.url },
      );
      if (result.ok) setSelected(new Set());
    });
  }

  /** `retry`: send a failed create again as it was; choosing another project and creating it instead replaces it. */
  function ticket(issueId: string, projectKey: string, retry = false) {
    startTransition(async () => {
      const result = await createTicketAction({ orgSlug, issueId, projectKey, ...(retry ? { retry } : {}) });
      if (!result.ok)
        return setMessage({
          ok: false,
          text: result.error,
          retry: result.fieldErrors ? undefined : { issueId, projectKey },
        });
      const outcome = result.data;
      setMessage(
        outcome.status === "pending"
          ? { ok: true, text: outcome.message }
          : outcome.status === "failed"
            ? { ok: false, text: outcome.message }
            : {
                ok: true,
                text:
                  outcome.status === "created"
                    ? `Created ${outcome.key}${outcome.assignee ? `, assigned to ${outcome.assignee}` : ""}.`
                    : `Already filed as ${outcome.key}.`,
                url: outcome.url,
              },
      );
    });
  }

  const toggle = (id: string) =>
    setSelected((current) => new Set(current.has(id) ? [...current].filter((x) => x !== id) : [...current, id]));
  const chosen = [...selected];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Triage selected issues">
        <span className="text-sm text-slate-600 dark:text-slate-400">{chosen.length} selected</span>
        {BULK_ACTIONS.map(({ action, label }) => (
          <button
            key={action}
            type="button"
            disabled={!chosen.length || pending}
            onClick={() => triage(chosen, action)}
            className="rounded-md border border-slate-300 px-2.5 py-1 text-sm disabled:opacity-50 dark:border-slate-600"
          >
            {label}
          </button>
        ))}
        <select
          aria-label="Assign selected issues to"
          disabled={!chosen.length || pending}
          value=""
          onChange={(e) => triage(chosen, "assign", e.target.value || undefined)}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="">Assign to…</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
        {canTicket && jiraProjects.length > 0 && (
          <label className="ml-auto text-sm">
            File tickets in{" "}
            <select
              value={ticketProject}
              onChange={(e) => setTicketProject(e.target.value)}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            >
              {jiraProjects.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          </label>
        )}
        {pending && (
          <span className="text-sm text-slate-500 dark:text-slate-400" role="status">
            Working…
          </span>
        )}
      </div>
      {message?.stepUpUrl && <StepUpPrompt message={message.text} url={message.stepUpUrl} />}
      {message && !message.stepUpUrl && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}`}
        >
          {message.text}{" "}
          {message.url && (
            <a href={message.url} className="underline">
              Open in Jira
            </a>
          )}
          {message.retry && (
            <button
              type="button"
              disabled={pending}
              onClick={() => message.retry && ticket(message.retry.issueId, message.retry.projectKey, true)}
              className="ml-2 rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Retry
            </button>
          )}
        </p>
      )}
      <DataTable head={head}>
        {issues.map((issue) => (
          <TableRow key={issue.id}>
            <td className="py-2 pr-2">
              <input
                type="checkbox"
                aria-label={`Select ${issue.shortId}`}
                checked={selected.has(issue.id)}
                onChange={() => toggle(issue.id)}
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
                  className="text-brand-600 underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-brand-300"
                >
                  Feedback<span className="sr-only"> on {issue.shortId}</span>
                </Link>{" "}
                ·{" "}
                <Link
                  href={`/${orgSlug}/errors/${issue.id}/investigation`}
                  className="text-brand-600 underline decoration-dotted underline-offset-2 hover:decoration-solid dark:text-brand-300"
                >
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
              ) : canTicket && jiraProjects.length > 0 ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => ticket(issue.id, ticketProject)}
                  className="whitespace-nowrap text-xs font-medium text-brand-600 hover:underline disabled:opacity-50 dark:text-brand-300"
                >
                  Create ticket<span className="sr-only"> for {issue.shortId}</span>
                </button>
              ) : null}
            </td>
          </TableRow>
        ))}
      </DataTable>
    </div>
  );
}
