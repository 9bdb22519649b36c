"use client";

import { useRef, useState, useTransition } from "react";
import { StepUpPrompt } from "@/components/step-up/step-up-prompt";
import { createTicketAction, triageAction } from "./actions";
import { ISSUE_CHECKBOX_NAME, TICKET_BUTTON_ATTRIBUTE } from "./issue-row-controls";

type TriageAction = "resolve" | "resolveInNextRelease" | "ignore" | "assign";

/** The toolbar's buttons for the selected issues; assigning has its own menu. */
const BULK_ACTIONS: { action: Exclude<TriageAction, "assign">; label: string }[] = [
  { action: "resolve", label: "Resolve" },
  { action: "resolveInNextRelease", label: "Resolve in next release" },
  { action: "ignore", label: "Archive until escalating" },
];

type Message = {
  ok: boolean;
  text: string;
  url?: string;
  stepUpUrl?: string;
  retry?: { issueId: string; projectKey: string };
};

/**
 * The triage toolbar and what it says, around the server-rendered issue rows (`children`). The rows carry plain
 * checkboxes and ticket buttons; this component reads them from the page when asked, so the issues themselves never
 * travel to the browser as props and the table's markup is not in this component's JavaScript.
 */
export function TriageForm({
  orgSlug,
  members,
  jiraProjects,
  canTicket,
  children,
}: {
  orgSlug: string;
  members: { userId: string; name: string }[];
  jiraProjects: string[];
  canTicket: boolean;
  children: React.ReactNode;
}) {
  const rows = useRef<HTMLFieldSetElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, startTransition] = useTransition();
  const [ticketProject, setTicketProject] = useState(jiraProjects[0] ?? "");

  const checkboxes = () => [
    ...(rows.current?.querySelectorAll<HTMLInputElement>(`input[name="${ISSUE_CHECKBOX_NAME}"]`) ?? []),
  ];
  const readSelection = () => setChosen(checkboxes().flatMap((box) => (box.checked ? [box.value] : [])));

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
      if (result.ok) {
        for (const box of checkboxes()) box.checked = false;
        setChosen([]);
      }
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

  /** A row's "Create ticket" button, found from the click: one listener for the whole table. */
  function onRowClick(event: React.MouseEvent) {
    const button = (event.target as Element).closest(`button[${TICKET_BUTTON_ATTRIBUTE}]`);
    const issueId = button?.getAttribute(TICKET_BUTTON_ATTRIBUTE);
    if (issueId) ticket(issueId, ticketProject);
  }

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
      {/* min-w-0: a fieldset is as wide as its content by default, which would stop the table scrolling sideways. */}
      <fieldset ref={rows} disabled={pending} onChange={readSelection} onClick={onRowClick} className="min-w-0">
        {children}
      </fieldset>
    </div>
  );
}
