"use client";

export type StoryDraft = {
  title: string;
  acceptanceCriteria: string;
  estimate: string;
  component: string;
  checklist: string;
};
export const EMPTY_STORY: StoryDraft = {
  title: "",
  acceptanceCriteria: "",
  estimate: "",
  component: "",
  checklist: "",
};

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal dark:border-slate-600 dark:bg-slate-900";

/** One user story: title, estimate, component, acceptance criteria and a checklist (one subtask per line). */
export function StoryEditor({
  index,
  story,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  story: StoryDraft;
  errors: Record<string, string>;
  onChange: (story: StoryDraft) => void;
  onRemove?: () => void;
}) {
  const field = (name: keyof StoryDraft) => errors[`stories.${index}.${name}`];
  const set = (name: keyof StoryDraft) => (event: { target: { value: string } }) =>
    onChange({ ...story, [name]: event.target.value });
  const error = (name: keyof StoryDraft) =>
    field(name) ? (
      <span className="mt-1 block text-xs font-normal text-red-600 dark:text-red-400">{field(name)}</span>
    ) : null;
  return (
    <fieldset className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold">Story {index + 1}</legend>
      <div className="grid gap-3 sm:grid-cols-6">
        <label className="text-sm font-medium sm:col-span-4">
          Title
          <input
            value={story.title}
            onChange={set("title")}
            className={INPUT}
            aria-invalid={field("title") ? true : undefined}
            placeholder="As a dispatcher I can see berth availability"
          />
          {error("title")}
        </label>
        <label className="text-sm font-medium">
          Estimate
          <input
            value={story.estimate}
            onChange={set("estimate")}
            inputMode="decimal"
            className={INPUT}
            aria-invalid={field("estimate") ? true : undefined}
            placeholder="points"
          />
          {error("estimate")}
        </label>
        <label className="text-sm font-medium">
          Component
          <input
            value={story.component}
            onChange={set("component")}
            className={INPUT}
            aria-invalid={field("component") ? true : undefined}
          />
          {error("component")}
        </label>
        <label className="text-sm font-medium sm:col-span-3">
          Acceptance criteria
          <textarea
            value={story.acceptanceCriteria}
            onChange={set("acceptanceCriteria")}
            rows={3}
            className={INPUT}
            aria-invalid={field("acceptanceCriteria") ? true : undefined}
          />
          {error("acceptanceCriteria")}
        </label>
        <label className="text-sm font-medium sm:col-span-3">
          Checklist <span className="font-normal text-slate-500 dark:text-slate-400">(one subtask per line)</span>
          <textarea
            value={story.checklist}
            onChange={set("checklist")}
            rows={3}
            className={INPUT}
            aria-invalid={field("checklist") ? true : undefined}
          />
          {error("checklist")}
        </label>
      </div>
      {onRemove && (
        <button
          type="button"
          onClick={onRemove}
          className="mt-2 text-sm text-red-700 hover:underline dark:text-red-400"
        >
          Remove story {index + 1}
        </button>
      )}
    </fieldset>
  );
}
