import {
  forecastCompletion,
  remainingByEpic,
  remainingByVersion,
  type Forecast,
  type RemainingWork,
  type ThroughputSprint,
} from "@/lib/domain/forecast";
import type { OpenWork } from "./open-work";

/** Every forecast Bosun shows uses this seed, so a date on the page can be reproduced from the same data. */
export const FORECAST_SEED = 20_240_601;

export type ForecastTarget = { kind: "epic"; key: string } | { kind: "fixVersion"; name: string };

export type ForecastRow = {
  kind: "epic" | "fixVersion";
  key: string;
  name: string;
  remaining: RemainingWork;
  forecast: Forecast;
};

type RowInput = { history: ThroughputSprint[]; activeSprintEnd: Date | null; now: Date; share?: number };

const forecastRow =
  (kind: ForecastRow["kind"], { history, activeSprintEnd, now, share }: RowInput) =>
  (group: { key: string; name: string; remaining: RemainingWork }): ForecastRow => ({
    kind,
    ...group,
    forecast: forecastCompletion({
      history,
      remaining: group.remaining,
      activeSprintEnd,
      now,
      share,
      seed: FORECAST_SEED,
    }),
  });

/** A forecast for each open epic and each unreleased fixVersion of the board's open work. Pure. */
export function forecastRows(work: OpenWork, input: RowInput) {
  return {
    epics: remainingByEpic(work.issues).map(forecastRow("epic", input)),
    versions: remainingByVersion(work.issues, work.unreleasedVersions).map(forecastRow("fixVersion", input)),
  };
}

/**
 * The forecast of one epic or fixVersion; null when the board's open work holds nothing of it (it is done, or not
 * this board's). Pure.
 */
export function forecastTarget(work: OpenWork, target: ForecastTarget, input: RowInput): ForecastRow | null {
  const group =
    target.kind === "epic"
      ? remainingByEpic(work.issues).find((g) => g.key === target.key)
      : remainingByVersion(work.issues, [target.name])[0];
  return group ? forecastRow(target.kind, input)(group) : null;
}
