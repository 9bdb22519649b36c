import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/form-field";
import { LinkTabs } from "@/components/ui/link-tabs";
import { StatusNotice } from "@/components/ui/status-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { DORA_WINDOWS, HISTORY_DAYS, SENTRY_NOT_CONNECTED, type DoraPage } from "@/lib/features/delivery";
import { formatDate } from "./dora-format";

export type DoraPagePromise = Promise<DoraPage>;
/** Builds this page's URL with some query parameters changed, keeping the others. */
export type WithParams = (changes: Record<string, string | undefined>) => string;

export async function DoraDescription({ page }: { page: DoraPagePromise }) {
  const { report } = await page;
  return `The DORA four keys for ${report.environment}${report.project ? ` (${report.project})` : ""} over the last ${report.window.days} days, from the deploys, commits and failures Bosun keeps.`;
}

/** "History updated N min ago" once the first fill is done. */
export async function DoraFreshness({ page }: { page: DoraPagePromise }) {
  const { history } = await page;
  if (!history.completedAt) return null;
  const minutes = Math.max(0, Math.round((Date.now() - history.completedAt.getTime()) / 60_000));
  return (
    <p className="text-sm text-slate-600 dark:text-slate-300">
      History updated {minutes === 0 ? "just now" : `${minutes} min ago`}
    </p>
  );
}

/** Window tabs, the environment and project menus (a plain GET form), and the history's state. */
export async function DoraFiltersPanel({ page, withParams }: { page: DoraPagePromise; withParams: WithParams }) {
  const { report, history, environments, projects } = await page;
  const environmentOptions = [...new Set([report.environment, ...environments])].sort();
  return (
    <div className="mb-6 space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <LinkTabs
          label="Window"
          look="segmented"
          className="flex gap-1"
          tabs={DORA_WINDOWS.map((days) => ({
            href: withParams({ days: String(days) }),
            label: `${days} days`,
            current: days === report.window.days,
          }))}
        />
        <form role="search" aria-label="Filter delivery figures" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="days" value={report.window.days} />
          <SelectField
            label="Environment"
            name="environment"
            defaultValue={report.environment}
            options={environmentOptions}
          />
          <SelectField
            label="Project"
            name="project"
            defaultValue={report.project ?? ""}
            blank="All"
            options={projects}
          />
          <SubmitButton>Apply</SubmitButton>
        </form>
      </div>
      {history.note === SENTRY_NOT_CONNECTED ? (
        <StatusNotice>Connect Sentry in Settings → Integrations to fill delivery history.</StatusNotice>
      ) : history.status === "filling" ? (
        <Card.Notice role="status">
          Filling history from Sentry… {history.note ?? "Queued"}. The figures below grow as releases are read; reload
          in a minute.
        </Card.Notice>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Sentry keeps the deploys of every release; Bosun reads the releases of the last {HISTORY_DAYS} days
          {history.reachedBack ? `, back to ${formatDate(history.reachedBack)}` : ""}, and catches up every hour.
          {history.note ? ` ${history.note}.` : ""}
        </p>
      )}
    </div>
  );
}

export function DoraFiltersSkeleton() {
  return (
    <div aria-hidden="true" className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-14 w-96 max-w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800/70" />
    </div>
  );
}
