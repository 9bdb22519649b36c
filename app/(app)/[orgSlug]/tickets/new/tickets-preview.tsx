// Types only: the feature's index is server code, and `import type` keeps it out of the browser bundle.
import type { TicketsPreview } from "@/lib/features/tickets";
import { HighlightSection } from "@/components/ui/highlight-section";
import { TableHead } from "@/components/ui/table-head";

/** What will be created in Jira, with who should take each story and why, and the sprint suggestion. */
export function TicketsPreviewView({
  preview,
  created,
}: {
  preview: TicketsPreview;
  created: Map<string, { key: string; url: string }>;
}) {
  const { plan, request } = preview;
  const link = (ref: string) => {
    const issue = created.get(ref);
    return issue ? (
      <a href={issue.url} className="font-mono text-xs text-brand-700 hover:underline dark:text-brand-300">
        {issue.key}
      </a>
    ) : null;
  };
  return (
    <div className="space-y-5">
      <HighlightSection
        headingId="changes-title"
        heading={
          <>
            Changes in Jira ({request.jiraProjectKey}
            {preview.boardName ? `, ${preview.boardName}` : ""})
          </>
        }
      >
        <ul className="mt-2 list-disc pl-5 text-sm">
          <li>
            Create the epic <strong>{plan.epic.summary}</strong> ({plan.epic.priority}) {link("epic")}
          </li>
          <li>
            Create {plan.stories.length} {plan.stories.length === 1 ? "story" : "stories"} under it (
            {plan.totals.storyPoints} points) and {plan.totals.subtasks} subtasks — {plan.totals.issues} issues in all
          </li>
          <li>
            {plan.sprint ? (
              <>
                Move the stories into <strong>{plan.sprint.name}</strong>: {plan.sprint.reason}
              </>
            ) : (
              <>No sprint: {plan.sprintReason}</>
            )}
          </li>
        </ul>
      </HighlightSection>
      {plan.warnings.length > 0 && (
        <ul
          className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          aria-label="Warnings"
        >
          {plan.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="relative overflow-x-auto" tabIndex={0}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Stories and subtasks to create</caption>
          <TableHead columns={["Story", "Points", "Assignee", "Why"]} dense />
          <tbody>
            {plan.stories.map((story) => (
              <tr key={story.ref} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="py-1.5 pr-3">
                  {link(story.ref)} {story.summary}
                  {story.component && (
                    <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">· {story.component}</span>
                  )}
                  {story.subtasks.length > 0 && (
                    <ul className="mt-1 list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
                      {story.subtasks.map((subtask) => (
                        <li key={subtask.ref}>
                          {link(subtask.ref)} {subtask.summary}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="py-1.5 pr-3 tabular-nums">{story.estimate ?? "—"}</td>
                <td className="py-1.5 pr-3">{story.assignee?.name ?? "Unassigned"}</td>
                <td className="py-1.5 text-xs text-slate-600 dark:text-slate-400">
                  {story.assignee?.reason ?? story.unassignedReason}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
