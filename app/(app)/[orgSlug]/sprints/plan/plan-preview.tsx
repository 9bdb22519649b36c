import type { ReactNode } from "react";
// Types only: the feature's index is server code, and `import type` keeps it out of the browser bundle.
import type { SprintPlanPreview } from "@/lib/features/sprints";
import { HighlightSection } from "@/components/ui/highlight-section";
import { TableHead } from "@/components/ui/table-head";

/** What the plan will do, person by person and issue by issue, with the reason for each choice. */
export function PlanPreview({ preview }: { preview: SprintPlanPreview }) {
  const { plan, diff, names, summaries } = preview;
  const name = (accountId: string | null) => (accountId ? (names[accountId] ?? accountId) : "Unassigned");
  return (
    <div className="space-y-6">
      <HighlightSection headingId="diff-title" heading="Changes in Jira">
        <ul className="mt-2 list-disc pl-5 text-sm">
          <li>
            Create sprint <strong>{diff.createSprint.name}</strong> ({diff.createSprint.startDate} →{" "}
            {diff.createSprint.endDate}) with the goal “{diff.createSprint.goal || "—"}”
          </li>
          <li>Move {diff.moves.length} issue(s) from the backlog into it</li>
          <li>Change the assignee of {diff.assigneeChanges.length} issue(s)</li>
        </ul>
        <p className="mt-2 text-sm">
          Planned: <strong>{plan.plannedPoints}</strong> points.
        </p>
      </HighlightSection>

      <PreviewSection id="people-title" heading="Per person">
        <ul className="space-y-2">
          {plan.perPerson.map((person) => (
            <li key={person.accountId} className="text-sm">
              <div className="flex justify-between">
                <span className="font-medium">{person.name}</span>
                <span className="tabular-nums text-slate-600 dark:text-slate-400">
                  {person.plannedPoints} / {person.limitPoints} pts (capacity {person.capacityPoints})
                </span>
              </div>
              <div
                className="mt-1 h-2 rounded-full bg-slate-100 dark:bg-slate-800"
                role="img"
                aria-label={`${person.name}: ${person.plannedPoints} of ${person.limitPoints} points planned`}
              >
                <div
                  className="h-2 rounded-full bg-brand-600"
                  style={{
                    width: `${person.limitPoints > 0 ? Math.min(100, (person.plannedPoints / person.limitPoints) * 100) : 0}%`,
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      </PreviewSection>

      <PreviewSection id="assignments-title" heading={<>Planned issues ({plan.assignments.length})</>}>
        <div className="relative overflow-x-auto" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <TableHead columns={["Issue", "Points", "Assignee", "Why"]} dense />
            <tbody>
              {plan.assignments.map((a) => (
                <tr key={a.key} className="border-t border-slate-100 align-top dark:border-slate-800">
                  <td className="py-1.5 pr-3">
                    <span className="font-mono text-xs">{a.key}</span> {summaries[a.key]}
                  </td>
                  <td className="py-1.5 pr-3 tabular-nums">{a.points}</td>
                  <td className="py-1.5 pr-3">{name(a.accountId)}</td>
                  <td className="py-1.5 text-xs text-slate-600 dark:text-slate-400">{a.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PreviewSection>

      {plan.leftOut.length > 0 && (
        <PreviewSection id="left-out-title" heading={<>Left out ({plan.leftOut.length})</>}>
          <ul className="space-y-1 text-sm">
            {plan.leftOut.slice(0, 30).map((l) => (
              <li key={l.key}>
                <span className="font-mono text-xs">{l.key}</span> {summaries[l.key]}{" "}
                <span className="text-xs text-slate-500 dark:text-slate-400">— {l.reason}</span>
              </li>
            ))}
          </ul>
          {plan.leftOut.length > 30 && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              …and {plan.leftOut.length - 30} more further down the backlog.
            </p>
          )}
        </PreviewSection>
      )}
    </div>
  );
}

/** A part of the preview under its heading; `id` is the heading's, which names the section. */
function PreviewSection({ id, heading, children }: { id: string; heading: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {heading}
      </h3>
      {children}
    </section>
  );
}
