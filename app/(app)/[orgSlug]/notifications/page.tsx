import Link from "next/link";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { loadNotificationsPage } from "@/lib/features/notifications";
import { requireOrg } from "@/lib/platform/auth/org";
import type { OrgSearchPageProps } from "@/app/(app)/[orgSlug]/org-page-props";
import { markAllReadFormAction, markOneReadFormAction } from "./actions";
import { DigestPreview } from "./digest-preview";
import { NotificationLink } from "@/components/notifications/notification-link";

export const metadata = { title: "Notifications" };

const buttonClass =
  "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800";

export default async function NotificationsPage({ params, searchParams }: OrgSearchPageProps) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const { org, user } = await requireOrg(orgSlug);
  const unreadOnly = query.filter === "unread";
  const showDigest = query.preview === "digest";
  const { unread, items } = await loadNotificationsPage({ orgId: org.id, userId: user.id, unreadOnly });
  const base = `/${org.slug}/notifications`;

  return (
    <>
      <PageHeader
        title="Notifications"
        description="New Critical issues and regressions in what you own or watch, rules that failed, writes stuck for over an hour and sprints over capacity. Choose what reaches you by e-mail under Preferences."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`${base}/preferences`} className={buttonClass}>
              Preferences
            </Link>
            <Link href={showDigest ? base : `${base}?preview=digest`} className={buttonClass}>
              {showDigest ? "Hide the digest preview" : "Preview this week's digest"}
            </Link>
          </div>
        }
      />
      {showDigest && (
        <Suspense fallback={<PanelSkeleton label="Loading this week's digest" rows={6} className="mb-6" />}>
          <DigestPreview orgId={org.id} userId={user.id} />
        </Suspense>
      )}
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <LinkTabs
            label="Which notifications"
            look="segmented"
            className="flex gap-1"
            tabs={[
              { href: base, label: "All", current: !unreadOnly },
              { href: `${base}?filter=unread`, label: `Unread (${unread})`, current: unreadOnly },
            ]}
          />
          {unread > 0 && (
            <form action={markAllReadFormAction.bind(null, org.slug)}>
              <button type="submit" className={buttonClass}>
                Mark all read
              </button>
            </form>
          )}
        </div>
        {items.length === 0 ? (
          <EmptyState
            title={unreadOnly ? "Nothing unread" : "No notifications yet"}
            action={
              unreadOnly
                ? { href: base, label: "Show all notifications" }
                : { href: `${base}/preferences`, label: "Choose what you hear about" }
            }
          >
            {unreadOnly
              ? "You are up to date."
              : "New Critical issues and regressions in what you own or watch appear here; watch a project from the Errors page to follow it."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {items.map((item) => (
              <li key={item.id} className="flex items-start justify-between gap-3 py-2">
                <div className="min-w-0 flex-1">
                  <NotificationLink orgSlug={org.slug} item={item} />
                </div>
                {item.readAt === null && (
                  <form action={markOneReadFormAction.bind(null, org.slug, item.id)}>
                    <button type="submit" className={`${buttonClass} whitespace-nowrap`}>
                      Mark read<span className="sr-only">: {item.title}</span>
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
