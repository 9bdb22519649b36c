"use client";

import { FeedbackMessage } from "@/components/ui/action-feedback";
import { saveTicketRoutingAction } from "./actions";
import { SaveButton, useSettingsSave } from "./settings-form";

/** Which Jira component each Sentry project's errors belong to; its most active owner gets new tickets. */
export function RoutingForm({
  orgSlug,
  projects,
  initial,
  canEdit,
}: {
  orgSlug: string;
  projects: string[];
  initial: Record<string, string>;
  canEdit: boolean;
}) {
  const { pending, feedback, save } = useSettingsSave();
  function submit(formData: FormData) {
    const routing = Object.fromEntries(projects.map((p) => [p, String(formData.get(`component-${p}`) ?? "").trim()]));
    save(() => saveTicketRoutingAction({ orgSlug, routing }));
  }
  if (projects.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Connect Sentry to route its projects.</p>;
  return (
    <form action={submit} className="space-y-3">
      <fieldset disabled={!canEdit || pending} className="grid gap-3 sm:grid-cols-3">
        {projects.map((project) => (
          <label key={project} className="text-sm font-medium">
            Jira component for {project}
            <input
              name={`component-${project}`}
              defaultValue={initial[project] ?? ""}
              placeholder="e.g. Platform"
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
        ))}
      </fieldset>
      <SaveButton canEdit={canEdit} pending={pending} label="Save routing" />
      <FeedbackMessage feedback={feedback} />
    </form>
  );
}
