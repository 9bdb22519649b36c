import { CardsSkeleton } from "@/components/ui/panel-skeleton";
import {
  CHANGE_FAILURE_RATE_NOTE,
  DORA_THRESHOLDS,
  DORA_THRESHOLDS_SOURCE,
  type DoraBand,
  type Threshold,
} from "@/lib/domain/dora";
import { BAND_CLASS, BAND_LABEL, formatHours, formatPerWeek, formatRate } from "./dora-format";
import type { DoraPagePromise } from "./dora-filters";

type FigureCard = {
  id: string;
  title: string;
  value: string;
  detail: string | null;
  band: DoraBand | null;
  basis: { text: string; href: string };
  thresholds: readonly Threshold[];
  note?: string;
};

/** The four keys, each with its band, the table it was banded by, and a link to the rows it rests on. */
export async function DoraCardsPanel({ page }: { page: DoraPagePromise }) {
  const { report } = await page;
  const s = report.summary;
  const cards: FigureCard[] = [
    {
      id: "frequency",
      title: "Deployment frequency",
      value: formatPerWeek(s.deploymentFrequencyPerWeek),
      detail: `${s.deployments} deploys to ${report.environment} in ${report.window.days} days`,
      band: s.bands.deploymentFrequency,
      basis: { text: `Based on ${s.deployments} deploys`, href: "#dora-deploys" },
      thresholds: DORA_THRESHOLDS.deploymentFrequency,
    },
    {
      id: "lead-time",
      title: "Lead time for changes",
      value: `p50 ${formatHours(s.leadTimeHours.p50)}`,
      detail:
        `p85 ${formatHours(s.leadTimeHours.p85)}` +
        (s.stages.openToMergeHours.samples > 0
          ? ` · PR open → merge p50 ${formatHours(s.stages.openToMergeHours.p50)}, merge → deploy p50 ${formatHours(s.stages.mergeToDeployHours.p50)} (${s.stages.openToMergeHours.samples} commits with a known PR)`
          : " · no pull requests known for these commits"),
      band: s.bands.leadTime,
      basis: { text: `Based on ${s.leadTimeHours.samples} commits`, href: "#dora-lead-times" },
      thresholds: DORA_THRESHOLDS.leadTime,
    },
    {
      id: "failure-rate",
      title: "Change failure rate",
      value: formatRate(s.changeFailureRate),
      detail: `${s.failedDeployments} of ${s.deployments} deploys followed within ${report.failureWindowHours} h by a failure`,
      band: s.bands.changeFailureRate,
      basis: { text: `Based on ${s.deployments} deploys`, href: "#dora-failures" },
      thresholds: DORA_THRESHOLDS.changeFailureRate,
      note: CHANGE_FAILURE_RATE_NOTE,
    },
    {
      id: "recovery",
      title: "Failed deployment recovery time",
      value: `p50 ${formatHours(s.recoveryHours.p50)}`,
      detail: "From the failure's start to the next healthy deploy or its resolution, whichever came first",
      band: s.bands.recovery,
      basis: { text: `Based on ${s.recoveryHours.samples} recovered deploys`, href: "#dora-deploys" },
      thresholds: DORA_THRESHOLDS.recovery,
    },
  ];
  return (
    <section aria-label="The four keys" className="mb-6 grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {cards.map((card) => (
        <article
          key={card.id}
          aria-labelledby={`dora-card-${card.id}`}
          className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <h2
            id={`dora-card-${card.id}`}
            className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300"
          >
            {card.title}
          </h2>
          <p className="text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-50">{card.value}</p>
          <p>
            {card.band ? (
              <span className={`rounded px-2 py-0.5 text-xs font-semibold ${BAND_CLASS[card.band]}`}>
                {BAND_LABEL[card.band]}
              </span>
            ) : (
              <span className="text-xs text-slate-600 dark:text-slate-300">No band: no samples</span>
            )}
          </p>
          {card.detail && <p className="text-sm text-slate-600 dark:text-slate-300">{card.detail}</p>}
          <a href={card.basis.href} className="text-sm underline hover:no-underline">
            {card.basis.text}
          </a>
          <details className="text-xs text-slate-700 dark:text-slate-300">
            <summary className="cursor-pointer">Bands ({DORA_THRESHOLDS_SOURCE.year})</summary>
            <table className="mt-2 w-full text-left">
              <thead>
                <tr>
                  <th scope="col" className="pr-2 font-medium">
                    Band
                  </th>
                  <th scope="col" className="pr-2 font-medium">
                    Bosun&apos;s rule
                  </th>
                  <th scope="col" className="font-medium">
                    The report
                  </th>
                </tr>
              </thead>
              <tbody>
                {card.thresholds.map((t) => (
                  <tr key={t.band} aria-current={t.band === card.band ? "true" : undefined}>
                    <td className="pr-2">{BAND_LABEL[t.band]}</td>
                    <td className="pr-2">{t.rule}</td>
                    <td>{t.report}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {card.note && <p className="mt-2">{card.note}</p>}
          </details>
        </article>
      ))}
    </section>
  );
}

export function DoraCardsSkeleton() {
  return (
    <div className="mb-6">
      <CardsSkeleton label="Loading the four keys" count={4} />
    </div>
  );
}
