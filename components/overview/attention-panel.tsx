import Link from "next/link";
import { NotificationLink } from "@/components/notifications/notification-link";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { writeSummary } from "@/app/(app)/[orgSlug]/write-summary";
import { isAllClear } from "@/lib/domain/overview";
import { explainUpstreamErrorText } from "@/lib/domain/upstream-messages";
import { ATTENTION_ITEMS_SHOWN, type AttentionWrite, type OverviewAttention } from "@/lib/features/overview";
import { EmptyState, OverviewCard, PanelLink } from "./overview-card";

/* "What needs you?": unread notifications, outbound writes waiting or failed, rollbacks awaiting a decision. */

const TITLE = "What needs you?";
const ID = "overview-attention";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Group({
  id,
  heading,
  link,
  children,
}: {
  id: string;
  heading: string;
  link: React.ReactNode;
  children: React.ReactNode[];
}) {
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={id} className="text-sm font-semibold">
          {heading}
        </h3>
        <span className="text-sm">{link}</span>
      </div>
      {children.length > 0 && (
        <ul aria-labelledby={id} className="mt-1 space-y-1">
          {children}
        </ul>
      )}
    </div>
  );
}

function WriteItem({ write }: { write: AttentionWrite }) {
  const failed = write.status === "failed" || write.status === "dead";
  return (
    <li className="text-sm">
      <span className={failed ? "font-medium text-red-700 dark:text-red-300" : "font-medium"}>
        {failed ? "Failed" : "Waiting"}:
      </span>{" "}
      {writeSummary(write)}
      {failed && write.lastError && (
        <span className="block text-xs break-words text-slate-600 dark:text-slate-400">
          {explainUpstreamErrorText(write.lastError) ?? write.lastError}
        </span>
      )}
    </li>
  );
}

export async function AttentionPanel({
  orgSlug,
  attention,
  now,
}: {
  orgSlug: string;
  attention: Promise<OverviewAttention>;
  now: Date;
}) {
  const data = await attention;
  const { counts } = data;
  if (isAllClear(counts)) {
    return (
      <OverviewCard id={ID} title={TITLE} freshness={data.freshness} now={now}>
        <EmptyState>
          Nothing needs you right now: no unread notifications,{" "}
          {data.writesScope === "org"
            ? "no write to Jira or Sentry waiting or failed"
            : "none of your writes waiting or failed"}
          {data.canDecideRollbacks ? ", no rollback to decide" : ""}. Choose what you hear about in{" "}
          <PanelLink href={`/${orgSlug}/notifications/preferences`}>notification preferences</PanelLink>.
        </EmptyState>
      </OverviewCard>
    );
  }
  const writes = counts.pendingWrites + counts.failedWrites;
  return (
    <OverviewCard id={ID} title={TITLE} freshness={data.freshness} now={now}>
      <div className="space-y-4">
        <Group
          id="attention-notifications"
          heading={plural(counts.unreadNotifications, "unread notification")}
          link={<PanelLink href={`/${orgSlug}/notifications?filter=unread`}>All notifications</PanelLink>}
        >
          {data.notifications.map((item) => (
            <li key={item.id}>
              <NotificationLink orgSlug={orgSlug} item={item} compact />
            </li>
          ))}
        </Group>
        {writes > 0 && (
          <Group
            id="attention-writes"
            heading={`${plural(counts.failedWrites, "failed write")}, ${counts.pendingWrites} waiting${data.writesScope === "own" ? " (yours)" : ""}`}
            link={<PanelLink href={`/${orgSlug}/automations`}>Review and retry</PanelLink>}
          >
            {[...data.failedWrites, ...data.pendingWrites].slice(0, ATTENTION_ITEMS_SHOWN).map((write) => (
              <WriteItem key={write.id} write={write} />
            ))}
          </Group>
        )}
        {data.canDecideRollbacks && counts.rollbacksAwaiting > 0 && (
          <Group
            id="attention-rollbacks"
            heading={`${plural(counts.rollbacksAwaiting, "rollback")} awaiting your decision`}
            link={null}
          >
            {data.rollbacks.map((gate) => (
              <li key={gate.id} className="text-sm">
                <Link
                  href={`/${orgSlug}/releases/${encodeURIComponent(gate.release)}`}
                  className="font-medium text-brand-600 hover:underline dark:text-brand-300"
                >
                  Roll back {gate.release} in {gate.environment}?
                </Link>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{gate.summary}</span>
              </li>
            ))}
          </Group>
        )}
      </div>
    </OverviewCard>
  );
}

/** The three groups: notifications, writes, rollbacks. */
export function AttentionPanelSkeleton() {
  return <PanelSkeleton label="Loading what needs you" rows={5} />;
}
