import type { PersonLoad } from "@/lib/domain/capacity";

/**
 * One bar per person: committed points against their capacity; over capacity turns red.
 * Jira assignees outside the team have no capacity here, so they get no capacity mark
 * and a neutral bar: their "0 pts" is unknown, not an overload.
 */
export function LoadBars({ people }: { people: PersonLoad[] }) {
  const max = Math.max(1, ...people.flatMap((p) => [p.committedPoints, p.capacityPoints]));
  return (
    <ul className="space-y-3">
      {people.map((person) => {
        const outsider = person.accountId !== null && !person.onTeam;
        const label = outsider
          ? `${person.committedPoints} pts — not on the team`
          : `${person.committedPoints} / ${person.capacityPoints} pts${person.isOverCommitted ? " — over capacity" : ""}`;
        const barColour = person.isOverCommitted ? "bg-red-500" : outsider ? "bg-slate-400" : "bg-brand-600";
        return (
          <li key={person.accountId ?? "unassigned"}>
            <div className="mb-1 flex justify-between text-sm">
              <span className="font-medium">{person.name}</span>
              <span
                className={
                  person.isOverCommitted
                    ? "font-semibold text-red-600 dark:text-red-400"
                    : "text-slate-600 dark:text-slate-400"
                }
              >
                {label}
              </span>
            </div>
            <div
              className="relative h-3 rounded-full bg-slate-100 dark:bg-slate-800"
              role="img"
              aria-label={
                outsider
                  ? `${person.name}: ${person.committedPoints} points, not on the team`
                  : `${person.name}: ${person.committedPoints} of ${person.capacityPoints} points`
              }
            >
              <div
                className={`absolute inset-y-0 left-0 rounded-full ${barColour}`}
                style={{ width: `${(person.committedPoints / max) * 100}%` }}
              />
              {!outsider && (
                <div
                  className="absolute inset-y-[-3px] w-0.5 bg-slate-900 dark:bg-white"
                  style={{ left: `${(person.capacityPoints / max) * 100}%` }}
                  title="capacity"
                />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
