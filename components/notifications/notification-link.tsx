import type { InboxItem } from "@/lib/features/notifications";
import { EVENT_LABELS } from "@/lib/domain/notifications";

const when = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/**
 * One notification as a link through /notifications/{id}, which marks it read
 * and redirects. A plain <a>: a prefetch must never mark anything read.
 */
export function NotificationLink({
  orgSlug,
  item,
  compact = false,
}: {
  orgSlug: string;
  item: InboxItem;
  compact?: boolean;
}) {
  const unread = item.readAt === null;
  return (
    <a
      href={`/${orgSlug}/notifications/${item.id}`}
      className="block rounded-md px-2 py-1.5 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800"
    >
      <span className="flex items-start gap-2">
        <span
          aria-hidden="true"
          className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? "bg-brand-600" : "bg-transparent"}`}
        />
        <span className="min-w-0">
          <span className={`block text-sm ${unread ? "font-semibold" : ""}`}>
            {unread && <span className="sr-only">Unread: </span>}
            {item.title}
          </span>
          {!compact && <span className="block text-sm text-slate-600 dark:text-slate-400">{item.body}</span>}
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {EVENT_LABELS[item.event]} · <time dateTime={item.createdAt.toISOString()}>{when(item.createdAt)}</time>
          </span>
        </span>
      </span>
    </a>
  );
}
