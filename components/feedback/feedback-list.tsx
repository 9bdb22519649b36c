import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FIELD_CLASS, InputField } from "@/components/ui/form-field";
import { Freshness } from "@/components/ui/freshness";
import { LocalTime, type ViewerTime } from "@/components/ui/local-time";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { SubmitButton } from "@/components/ui/submit-button";
import { getViewerTime } from "@/components/ui/tz-script";
import type { UserFeedback, UserFeedbackList } from "@/lib/features/performance";

/**
 * What users wrote through Sentry's feedback widget or crash reports, newest first, with the error event it was sent
 * with and the release; searched by text through a GET form, so the search is a link like any other filter.
 * The release page lists a release's feedback, the Sentry issue's feedback page an issue's. Times are shown in the
 * viewer's zone (`time`, read from the request when not given).
 */
export async function FeedbackPanel({
  title,
  list,
  query,
  release,
  hidden = {},
  className = "",
  time,
}: {
  title: string;
  list: Promise<UserFeedbackList>;
  query: string;
  /** The release every item belongs to, when the list is one release's. */
  release?: string;
  /** Other search parameters the form keeps (the page's own filters). */
  hidden?: Record<string, string>;
  className?: string;
  time?: ViewerTime;
}) {
  const read = await list;
  if (read.status !== "ok")
    return (
      <Card title={title} className={className}>
        <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
          {read.status === "not-connected"
            ? "Connect Sentry in Settings → Integrations to see user feedback."
            : `Sentry is not answering right now (${read.message}), and nothing is cached yet.`}
        </p>
      </Card>
    );
  const count = `${read.items.length}${read.isComplete ? "" : "+"}`;
  const viewerTime = time ?? (await getViewerTime());
  return (
    <Card title={`${title} (${count})`} className={className}>
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <form role="search" aria-label={`Search ${title.toLowerCase()}`} className="flex items-end gap-2">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <InputField
            label="Search feedback"
            name="feedback"
            defaultValue={query}
            placeholder="Words in the message"
            className={`${FIELD_CLASS} w-56`}
          />
          <SubmitButton>Search</SubmitButton>
        </form>
        <Freshness fetchedAt={read.fetchedAt} stale={read.stale} error={read.error} now={new Date()} />
      </div>
      {read.items.length === 0 ? (
        <EmptyState title={query ? `No feedback mentions “${query}”.` : "Nobody has sent feedback here yet."}>
          {query
            ? "Try other words, or clear the search to see all feedback."
            : "What users send through Sentry's feedback widget or crash reports shows up here."}
        </EmptyState>
      ) : (
        <ol className="space-y-3" aria-label={title}>
          {read.items.map((item) => (
            <FeedbackItem key={item.id} item={item} release={release} time={viewerTime} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function FeedbackItem({ item, release, time }: { item: UserFeedback; release?: string; time: ViewerTime }) {
  const from = item.name ?? item.contactEmail ?? "Anonymous";
  const itemRelease = item.release ?? release ?? null;
  return (
    <li className="border-t border-slate-100 pt-2 text-sm first:border-t-0 first:pt-0 dark:border-slate-800">
      <p className="whitespace-pre-line">{item.message}</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {from}
        {item.contactEmail && item.name ? ` <${item.contactEmail}>` : ""} ·{" "}
        <LocalTime at={item.firstSeen} time={time} /> · {item.projectSlug}
        {itemRelease && (
          <>
            {" "}
            · release <span className="font-mono">{itemRelease}</span>
          </>
        )}
        {" · "}
        {item.associatedEventId ? (
          <>
            event <span className="font-mono">{item.associatedEventId.slice(0, 12)}</span>
          </>
        ) : (
          "no linked event"
        )}
        {item.permalink && (
          <>
            {" · "}
            <a href={item.permalink} className="text-brand-600 underline dark:text-brand-300">
              Open in Sentry<span className="sr-only"> ({item.shortId})</span>
            </a>
          </>
        )}
      </p>
    </li>
  );
}

/** The search row and a few feedback entries. */
export const FeedbackSkeleton = ({ className = "" }: { className?: string }) => (
  <PanelSkeleton label="Loading user feedback" rows={5} className={className} />
);
