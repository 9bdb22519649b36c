import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { TableHead } from "@/components/ui/table-head";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { getViewerTime } from "@/components/ui/tz-script";
import { parseSort } from "@/lib/domain/tables/sort";
import {
  DELIVERY_ORDER_BY,
  DELIVERY_SORT,
  RUN_ORDER_BY,
  RUN_SORT,
  SYNC_ORDER_BY,
  SYNC_SORT,
  toQueryOrder,
} from "./table-sorts";
import { requireOrg } from "@/lib/platform/auth/org";
import { loadAutomationsPage, parseRunStatus } from "@/lib/features/automations";
import { AddRule } from "./add-rule";
import { OutboxList } from "./outbox-list";
import { RetryButton } from "./retry-button";
import { RuleCard } from "./rule-card";
import { RunLogPanel, RunLogSkeleton } from "./run-log-panel";
import { StatusBadge } from "./status-badge";
import { UpstreamErrorText } from "./upstream-error-text";
import { SyncActivityLog } from "./sync-activity-log";
import { SyncSettingsForm } from "./sync-settings-form";

export const metadata = { title: "Automations" };

function Tile({ label, value, tone = "" }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3 dark:border-slate-800">
      <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</p>
      <p className={`text-2xl font-semibold tabular-nums ${tone}`}>{value.toLocaleString("en")}</p>
    </div>
  );
}

export default async function AutomationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { orgSlug } = await params;
  const { org, role, user } = await requireOrg(orgSlug);
  const time = await getViewerTime();
  const now = time.now;
  const search = await searchParams;
  // One table on the page is sorted at a time: the keys are distinct, so the others read the default order. The
  // lists are cut short, so each is sorted by its query rather than here.
  const deliverySort = parseSort(DELIVERY_SORT, search);
  const runSort = parseSort(RUN_SORT, search);
  const syncSort = parseSort(SYNC_SORT, search);
  const data = await loadAutomationsPage({
    orgId: org.id,
    orgSlug: org.slug,
    userId: user.id,
    role,
    now,
    deliveryOrder: toQueryOrder(DELIVERY_ORDER_BY, deliverySort),
    syncOrder: toQueryOrder(SYNC_ORDER_BY, syncSort),
  });
  if (data.access === "own-writes") {
    return (
      <>
        <PageHeader title="Automations" />
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
          Only admins and managers of {org.name} can see automations.
        </p>
        <Card title="Your pending and failed writes">
          <OutboxList orgSlug={org.slug} writes={data.pending} failed={data.failed} now={now} time={time} canAct />
        </Card>
      </>
    );
  }
  const { canEdit, rules, kinds, pending, failed, deliveries, deadJobs, last24h, webhookUrls, sync } = data;
  const runStatus = parseRunStatus(search.runs);

  return (
    <>
      <PageHeader
        title="Automations"
        description="Rules that turn Sentry and GitHub events into Jira work. Deliveries are verified, queued and processed exactly once; every write goes through the outbox, so an outage delays it and never loses it."
      />
      <div className="space-y-6">
        <section aria-label="Last 24 hours" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Tile label="Deliveries (24 h)" value={last24h.deliveries} />
          <Tile label="Runs succeeded" value={last24h.runsSucceeded} tone="text-emerald-700 dark:text-emerald-400" />
          <Tile
            label="Runs failed"
            value={last24h.runsFailed}
            tone={last24h.runsFailed > 0 ? "text-red-600 dark:text-red-400" : ""}
          />
          <Tile
            label="Writes waiting"
            value={pending.length}
            tone={pending.length > 0 ? "text-amber-700 dark:text-amber-300" : ""}
          />
          <Tile
            label="Dead letters"
            value={deadJobs.length}
            tone={deadJobs.length > 0 ? "text-red-600 dark:text-red-400" : ""}
          />
        </section>

        <Card title="Rules">
          {!canEdit && (
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              Admins edit rules; you can see them and preview what they would do.
            </p>
          )}
          {rules.length === 0 ? (
            <EmptyState title="No rules yet">
              {canEdit
                ? "Add a rule below to turn Sentry and GitHub events into Jira work, such as a ticket for every new critical issue."
                : "An admin adds rules; once there are some, they are listed here."}
            </EmptyState>
          ) : (
            <ul className="space-y-3">
              {rules.map((rule) => (
                <RuleCard key={rule.id} orgSlug={org.slug} rule={rule} canEdit={canEdit} />
              ))}
            </ul>
          )}
        </Card>

        {canEdit && (
          <Card title="Add a rule">
            <AddRule orgSlug={org.slug} kinds={kinds} />
          </Card>
        )}

        <Card title="Pending and failed writes">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Writes waiting for their service are retried automatically; Resume now tries one at once. A write that
            failed stays failed until someone retries it or sends corrected input (Edit and resend), which replaces it.
            Each is audited, and writes to one item still apply in the order they were made.
          </p>
          <OutboxList orgSlug={org.slug} writes={pending} failed={failed} now={now} time={time} canAct />
        </Card>

        <section id="run-log">
          {/* Keyed by filter and order, so the skeleton shows while the run log is read again. */}
          <Suspense key={`${runStatus ?? ""}:${runSort.key}:${runSort.dir}`} fallback={<RunLogSkeleton />}>
            <RunLogPanel
              orgId={org.id}
              orgSlug={org.slug}
              status={runStatus}
              order={toQueryOrder(RUN_ORDER_BY, runSort)}
              canRetry={canEdit}
              sorting={{ spec: RUN_SORT, order: runSort, params: search, anchor: "run-log" }}
              time={time}
            />
          </Suspense>
        </section>

        <Card title="Jira–Sentry sync">
          <SyncSettingsForm orgSlug={org.slug} initial={sync.settings} canEdit={canEdit} />
        </Card>

        <section id="sync-activity">
          <Card title="Sync activity">
            <SyncActivityLog
              rows={sync.activity}
              sorting={{
                spec: SYNC_SORT,
                order: syncSort,
                params: search,
                anchor: "sync-activity",
              }}
              time={time}
            />
          </Card>
        </section>

        <section id="deliveries">
          <Card title="Webhook deliveries">
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              Point Sentry&apos;s integration webhooks at{" "}
              <code className="font-mono text-xs">{webhookUrls.sentry}</code> and GitHub&apos;s (events{" "}
              <em>Branch or tag creation</em> and <em>Pull requests</em>, content type JSON) at{" "}
              <code className="font-mono text-xs">{webhookUrls.github}</code>. Their secrets are set under Settings →
              Integrations.
            </p>
            {deliveries.length === 0 ? (
              <EmptyState
                title="No deliveries yet"
                action={{ href: `/${org.slug}/settings/integrations`, label: "Set the webhook secrets" }}
              >
                Deliveries appear here once Sentry or GitHub send an event to the URLs above.
              </EmptyState>
            ) : (
              <DataTable
                head={
                  <TableHead
                    columns={[
                      { label: "Received", sort: "delivery-received" },
                      { label: "From", sort: "delivery-source" },
                      { label: "Event", sort: "delivery-event" },
                      { label: "Status", sort: "delivery-status" },
                    ]}
                    sorting={{ spec: DELIVERY_SORT, order: deliverySort, params: search, anchor: "deliveries" }}
                  />
                }
              >
                {deliveries.map((delivery) => (
                  <tr key={delivery.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                    <td className="py-2 pr-4 text-xs">
                      <LocalTime at={delivery.receivedAt} time={time} stacked />
                    </td>
                    <td className="py-2 pr-4 capitalize">{delivery.source}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{delivery.eventType}</td>
                    <td className="py-2">
                      <StatusBadge status={delivery.status} />
                      {delivery.error &&
                        (delivery.status === "failed" ? (
                          <UpstreamErrorText text={delivery.error} />
                        ) : (
                          <span className="block text-xs text-slate-600 dark:text-slate-400">{delivery.error}</span>
                        ))}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </Card>
        </section>

        {deadJobs.length > 0 && (
          <Card title="Dead-letter list">
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
              Jobs that ran out of attempts or could never succeed. Retrying runs them again from the start; finished
              steps are not repeated.
            </p>
            <ul className="space-y-2 text-sm">
              {deadJobs.map((job) => (
                <li
                  key={job.id}
                  className="flex flex-wrap items-start justify-between gap-2 border-t border-slate-100 pt-2 dark:border-slate-800"
                >
                  <span>
                    <span className="font-mono text-xs">{job.queue}</span> · {job.attempts} attempts
                    {job.deadAt && (
                      <>
                        {" · dead since "}
                        <LocalTime at={job.deadAt} time={time} />
                      </>
                    )}
                    {job.lastError && <UpstreamErrorText text={job.lastError} />}
                  </span>
                  {canEdit && <RetryButton orgSlug={org.slug} target={{ job: job.id }} />}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
