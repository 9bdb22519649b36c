import { Card } from "@/components/ui/card";
import { CardsSkeleton } from "@/components/ui/panel-skeleton";
import {
  formatCount,
  formatVital,
  rateVital,
  VITAL_LABELS,
  VITAL_THRESHOLDS,
  type BandShares,
  type VitalBand,
} from "@/lib/domain/performance";
import type { PerformancePage, VitalSummary } from "@/lib/features/performance";
import { awaitPanel } from "./panel-read";

const BAND_TEXT: Record<VitalBand, string> = { good: "Good", "needs-improvement": "Needs improvement", poor: "Poor" };
const BAND_BADGE: Record<VitalBand, string> = {
  good: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  "needs-improvement": "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  poor: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200",
};

/** Each vital's p75 with its web.dev band and the share of samples in each band. */
export async function VitalsPanel({ page }: { page: Promise<PerformancePage> }) {
  const read = await awaitPanel(page, (p) => p.vitals);
  if ("notice" in read) return read.notice;
  return (
    <Card title="Web vitals (p75)" className="mb-6">
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Web vitals">
        {read.value.map((summary) => (
          <VitalCard key={summary.vital} summary={summary} />
        ))}
      </ul>
    </Card>
  );
}

function VitalCard({ summary }: { summary: VitalSummary }) {
  const { vital, p75, samples, shares } = summary;
  const band = p75 === null ? null : rateVital(vital, p75);
  const { good, poor } = VITAL_THRESHOLDS[vital];
  return (
    <li className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-vital={vital}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <abbr title={VITAL_LABELS[vital]} className="no-underline">
          {vital.toUpperCase()}
        </abbr>
        {/* The expansion on screen too: a title is out of reach on touch screens and for most keyboard users. */}
        <span className="block font-normal normal-case tracking-normal">{VITAL_LABELS[vital]}</span>
      </p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{p75 === null ? "—" : formatVital(vital, p75)}</p>
      {band ? (
        <p className={`mt-1 inline-block rounded px-1.5 py-0.5 text-xs font-medium ${BAND_BADGE[band]}`}>
          {BAND_TEXT[band]}
        </p>
      ) : (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">No samples</p>
      )}
      {shares && <BandBar shares={shares} />}
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        {formatCount(samples)} samples · good ≤ {formatVital(vital, good)}, poor &gt; {formatVital(vital, poor)}
      </p>
    </li>
  );
}

/** The three band shares as one stacked bar, with the numbers written out for everyone. */
function BandBar({ shares }: { shares: BandShares }) {
  const parts = [
    { key: "good", share: shares.good, className: "bg-emerald-500", text: "good" },
    { key: "ni", share: shares.needsImprovement, className: "bg-amber-400", text: "needs improvement" },
    { key: "poor", share: shares.poor, className: "bg-rose-500", text: "poor" },
  ];
  return (
    <div className="mt-2">
      <div className="flex h-2 overflow-hidden rounded" aria-hidden="true">
        {parts.map((p) => (
          <span key={p.key} className={p.className} style={{ width: `${p.share}%` }} />
        ))}
      </div>
      <p className="mt-1 text-xs tabular-nums text-slate-600 dark:text-slate-400">
        {parts.map((p) => `${p.share}% ${p.text}`).join(" · ")}
      </p>
    </div>
  );
}

/** Five vital cards' worth of rows. */
export function VitalsSkeleton() {
  return (
    <div className="mb-6">
      <CardsSkeleton label="Loading web vitals" count={5} />
    </div>
  );
}
