import { markAllReadFormAction } from "@/app/(app)/[orgSlug]/notifications/actions";
import { NotificationLink } from "@/components/notifications/notification-link";
import { loadInbox } from "@/lib/features/notifications";
import { requireOrg } from "@/lib/platform/auth/org";
import { BellIcon } from "@/components/ui/icons";
import { InboxPopover } from "./inbox-popover";
import { InboxRefresher } from "./inbox-refresher";

/**
 * The header's inbox: a bell with the unread count that opens the latest ten
 * (each a link that marks it read) and "Mark all read". A popover, so it
 * works before hydration; the count refreshes with every page load, every
 * action that reads notifications, and a poll each minute.
 */
export async function InboxButton({ orgSlug }: { orgSlug: string }) {
  const { org, user } = await requireOrg(orgSlug);
  const { unread, latest } = await loadInbox({ orgId: org.id, userId: user.id });
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <>
      <InboxRefresher orgSlug={org.slug} rendered={unread} />
      <InboxPopover unread={unread} label={label}>
        <div className="flex items-center justify-between px-2 py-1">
          <h2 className="text-sm font-semibold">Notifications</h2>
          {unread > 0 && (
            <form action={markAllReadFormAction.bind(null, org.slug)}>
              <button
                type="submit"
                className="rounded px-2 py-0.5 text-xs text-brand-600 hover:bg-slate-50 dark:text-brand-300 dark:hover:bg-slate-800"
              >
                Mark all read
              </button>
            </form>
          )}
        </div>
        {latest.length === 0 ? (
          <p className="px-2 py-3 text-sm text-slate-600 dark:text-slate-400">No notifications yet.</p>
        ) : (
          <ul aria-label="Latest notifications" className="max-h-96 overflow-y-auto">
            {latest.map((item) => (
              <li key={item.id}>
                <NotificationLink orgSlug={org.slug} item={item} compact />
              </li>
            ))}
          </ul>
        )}
        <a
          href={`/${org.slug}/notifications`}
          className="mt-1 block rounded px-2 py-1.5 text-center text-sm text-brand-600 hover:bg-slate-50 dark:text-brand-300 dark:hover:bg-slate-800"
        >
          All notifications
        </a>
      </InboxPopover>
    </>
  );
}

/** The bell while the inbox is read: same size, so the header does not shift when the count arrives. */
export function InboxPlaceholder() {
  return (
    <span className="flex items-center rounded-md p-1.5 text-slate-600 dark:text-slate-400">
      <BellIcon />
      <span className="sr-only">Notifications loading</span>
    </span>
  );
}
