import { MAX_SPRINT_DAYS } from "@/lib/domain/capacity";

/**
 * Defaults for the next sprint's form: the name continues the board's
 * numbering, and dates follow the active sprint with the same length. Pure.
 */
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function nextSprintDefaults({
  sprints,
  today,
}: {
  sprints: { name: string; state: string; startDate: string | null; endDate: string | null }[];
  today: string;
}) {
  const numbered = sprints.map((s) => /^(.*?)(\d+)\s*$/.exec(s.name)).filter((m): m is RegExpExecArray => m !== null);
  const last = numbered.at(-1);
  const name = last
    ? `${last[1]}${Math.max(...numbered.filter((m) => m[1] === last[1]).map((m) => Number(m[2]))) + 1}`
    : "Next sprint";
  const active = sprints.find((s) => s.state === "active" && s.startDate && s.endDate);
  // Within what the plan form accepts, whatever length the active sprint was given in Jira.
  const lengthDays = active
    ? Math.min(
        MAX_SPRINT_DAYS,
        Math.max(
          7,
          Math.round((Date.parse(active.endDate as string) - Date.parse(active.startDate as string)) / DAY_MS),
        ),
      )
    : 14;
  const start = active ? Date.parse((active.endDate as string).slice(0, 10)) : Date.parse(today);
  return { name, startDate: isoDay(start), endDate: isoDay(start + lengthDays * DAY_MS) };
}
