import { Card } from "@/components/ui/card";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { SecurityForm } from "./security-form";
import { SeverityForm } from "./severity-form";
import { RoutingForm } from "./routing-form";
import { OutboxRetryForm } from "./outbox-retry-form";
import { calendarZones, getCalendarTimeZone, loadSettingsPage } from "@/lib/features/settings";
import { RETENTION_BOUNDS, SESSION_MAX_LIFETIME_DAYS, STALE_CACHE_KEEP_DAYS } from "@/lib/domain/retention";
import { RetentionForm } from "./retention-form";
import { RetentionLastRun } from "./retention-last-run";
import { PerformanceForm } from "./performance-form";
import { CalendarForm } from "./calendar-form";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

const RETENTION_FIELDS = [
  { name: "deliveryPayloadDays", label: "Webhook payloads (days)", ...RETENTION_BOUNDS.deliveryPayloadDays },
  { name: "automationRunDays", label: "Automation runs (days)", ...RETENTION_BOUNDS.automationRunDays },
  { name: "finishedWriteDays", label: "Finished writes (days)", ...RETENTION_BOUNDS.finishedWriteDays },
] as const;

export const metadata = { title: "Settings" };

export default async function OrgSettingsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const [
    { security: settings, severity, routing, projects, retryHours, retention, lastRetentionRun, performance },
    calendarZone,
  ] = await Promise.all([loadSettingsPage({ orgId: org.id }), getCalendarTimeZone({ orgId: org.id })]);
  return (
    <div className="space-y-6">
      <Card title="Sign-in and sessions" className="max-w-2xl">
        <SecurityForm orgSlug={org.slug} initial={settings} canEdit={can(role, "settings:manage")} />
      </Card>
      <Card title="Calendar" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Sprint days, days left and the days in sprint reports are counted in this zone, the same for everyone. Times
          elsewhere are shown in each person&apos;s own zone.
        </p>
        <CalendarForm
          orgSlug={org.slug}
          initial={calendarZone}
          zones={calendarZones()}
          canEdit={can(role, "settings:manage")}
        />
      </Card>
      <Card title="Error severity thresholds" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Fatal and security issues are always critical; warnings and info are low unless a warning regresses.
        </p>
        <SeverityForm orgSlug={org.slug} initial={severity} canEdit={can(role, "settings:manage")} />
      </Card>
      <Card title="Performance regressions" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          A release&apos;s scorecard flags a regression when a metric is slower than in the release before by more than
          its threshold, judged only when both releases have at least the minimum samples. Apdex T sets the Performance
          page&apos;s apdex.
        </p>
        <PerformanceForm orgSlug={org.slug} initial={performance} canEdit={can(role, "settings:manage")} />
      </Card>
      <Card title="Ticket routing" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Tickets filed from a Sentry project go to whoever completed the most work in its Jira component over recent
          sprints.
        </p>
        <RoutingForm orgSlug={org.slug} projects={projects} initial={routing} canEdit={can(role, "settings:manage")} />
      </Card>
      <Card title="Outbound writes" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          While Jira, Sentry or WorkOS is down or rate-limiting, changes wait in the outbox and are retried (at most 15
          minutes apart) for this many hours after they were made, then marked failed with the last error. From 1 to 168
          hours.
        </p>
        <OutboxRetryForm orgSlug={org.slug} initial={retryHours} canEdit={can(role, "settings:manage")} />
      </Card>
      <Card title="Data retention" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Once a day Bosun clears the bodies of handled webhooks (the record of each delivery stays, so redeliveries are
          still recognised) and deletes finished automation runs and outbound writes older than these windows. Pending
          writes and deliveries still being handled are never removed. Cached Jira and Sentry data goes{" "}
          {STALE_CACHE_KEEP_DAYS} days after it expired, session records after {SESSION_MAX_LIFETIME_DAYS} days. The
          audit log is kept.
        </p>
        <RetentionForm
          orgSlug={org.slug}
          initial={retention}
          fields={[...RETENTION_FIELDS]}
          canEdit={can(role, "settings:manage")}
        />
        <RetentionLastRun run={lastRetentionRun} />
      </Card>
    </div>
  );
}
