import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/form-field";
import { Freshness } from "@/components/ui/freshness";
import { LinkTabs } from "@/components/ui/link-tabs";
import { SubmitButton } from "@/components/ui/submit-button";
import { PERFORMANCE_PERIODS, type PerformancePage } from "@/lib/features/performance";
import { StatusNotice } from "@/components/ui/status-notice";

/** Builds this page's URL with some query parameters changed, keeping the others. */
export type WithParams = (changes: Record<string, string | undefined>) => string;
export type Page = Promise<PerformancePage>;

export async function PerformanceDescription({ page }: { page: Page }) {
  return (await page).status === "ok"
    ? "Core Web Vitals at p75 with their bands, the slowest pages and API endpoints, and their trend — from Sentry."
    : "Web vitals and transaction latency from Sentry.";
}

/** The age of the slowest panel's data, or its stale marker. */
export async function PerformanceFreshness({ page }: { page: Page }) {
  const loaded = await page;
  if (loaded.status !== "ok") return null;
  const reads = await Promise.all([loaded.vitals, loaded.transactions, loaded.vitalSeries, loaded.apiSeries]);
  const ok = reads.filter((r) => r.status === "ok");
  if (ok.length === 0) return null;
  const oldest = ok.reduce((a, b) => (a.fetchedAt <= b.fetchedAt ? a : b));
  const stale = ok.find((r) => r.stale);
  return (
    <Freshness fetchedAt={oldest.fetchedAt} stale={Boolean(stale)} error={stale?.error ?? null} now={new Date()} />
  );
}

/** Period tabs and the project and environment menus (a plain GET form, so it works before any script loads). */
export async function FiltersPanel({ page, withParams }: { page: Page; withParams: WithParams }) {
  const loaded = await page;
  if (loaded.status !== "ok") {
    return <Card.Notice role="status">Connect Sentry in Settings → Integrations to see performance.</Card.Notice>;
  }
  const { filters, ignored } = loaded;
  const options = await loaded.options;
  // Without Sentry's list the menus offer only "All"; the panels below say why Sentry is not answering.
  const known = options.status === "ok" ? options.value : { projects: [], environments: [] };
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <LinkTabs
        label="Period"
        look="segmented"
        className="flex gap-1"
        tabs={PERFORMANCE_PERIODS.map((p) => ({
          href: withParams({ period: p }),
          label: p,
          current: p === filters.period,
        }))}
      />
      <form role="search" aria-label="Filter performance" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="period" value={filters.period} />
        <input type="hidden" name="sort" value={filters.sort} />
        <SelectField
          label="Project"
          name="project"
          defaultValue={filters.project ?? ""}
          blank="All"
          options={known.projects.map((p) => p.slug)}
        />
        <SelectField
          label="Environment"
          name="environment"
          defaultValue={filters.environment ?? ""}
          blank="All"
          options={known.environments}
        />
        <SubmitButton>Apply</SubmitButton>
      </form>
      {(ignored.project || ignored.environment) && (
        <StatusNotice className="w-full">
          Sentry has no{" "}
          {ignored.project ? `project named “${ignored.project}”` : `environment named “${ignored.environment}”`}, so
          all are shown.
        </StatusNotice>
      )}
    </div>
  );
}

/** The period tabs' and filter row's height, so the panels below do not move when the filters arrive. */
export function FiltersSkeleton() {
  return (
    <div aria-hidden="true" className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-14 w-96 max-w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800/70" />
    </div>
  );
}
