import type { PaletteEntry, PaletteKind } from "@/lib/domain/palette/entry";

const KIND_LABEL: Record<PaletteKind, string> = {
  page: "Page",
  jira: "Jira",
  error: "Error",
  release: "Release",
  board: "Board",
};

/** The id of option `index` in listbox `listboxId`, for aria-activedescendant. */
export const optionId = (listboxId: string, index: number) => `${listboxId}-option-${index}`;

/**
 * The palette's listbox: one option per result, the active one marked with
 * aria-selected. Options are chosen by pointer here and by keyboard through
 * the combobox, which keeps the focus.
 */
export function CommandPaletteOptions({
  listboxId,
  results,
  activeIndex,
  onChoose,
  onHover,
}: {
  listboxId: string;
  results: PaletteEntry[];
  activeIndex: number;
  onChoose: (entry: PaletteEntry) => void;
  onHover: (index: number) => void;
}) {
  return (
    <ul id={listboxId} role="listbox" aria-label="Results" className="mt-2 max-h-80 overflow-y-auto">
      {results.map((entry, index) => {
        const active = index === activeIndex;
        return (
          <li
            key={`${entry.kind}:${entry.href}`}
            id={optionId(listboxId, index)}
            role="option"
            aria-selected={active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(entry)}
            onMouseMove={() => onHover(index)}
            className={`flex cursor-pointer items-baseline gap-3 rounded-md px-3 py-2 text-sm ${
              active
                ? "bg-brand-50 text-slate-900 dark:bg-slate-800 dark:text-white"
                : "text-slate-800 dark:text-slate-200"
            }`}
          >
            <span className="w-16 shrink-0 text-xs font-medium text-slate-600 dark:text-slate-300">
              {KIND_LABEL[entry.kind]}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{entry.label}</span>
              {entry.detail && (
                <span className="block truncate text-xs text-slate-600 dark:text-slate-400">{entry.detail}</span>
              )}
            </span>
            {entry.external && (
              <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
                opens Jira<span className="sr-only"> (another site)</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
