import { Card } from "@/components/ui/card";
import { requireOrg } from "@/lib/auth/org";
import { can } from "@/lib/auth/permissions";
import { getOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { getSeveritySettings } from "@/lib/errors-page/severity-settings";
import { SecurityForm } from "./security-form";
import { SeverityForm } from "./severity-form";
import { RoutingForm } from "./routing-form";
import { OutboxRetryForm } from "./outbox-retry-form";
import { getOutboxRetryHours } from "@/lib/outbox/retry-settings";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listProjectSlugs } from "@/lib/integrations/sentry";
import { getTicketRouting } from "@/lib/tickets/routing";

export const metadata = { title: "Settings" };

export default async function OrgSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const [settings, severity, routing, sentry, retryHours] = await Promise.all([
    getOrgSecuritySettings({ orgId: org.id }),
    getSeveritySettings({ orgId: org.id }),
    getTicketRouting({ orgId: org.id }),
    getSentryConfig({ orgId: org.id }),
    getOutboxRetryHours({ orgId: org.id }),
  ]);
  const projects = sentry ? await listProjectSlugs(sentry).catch(() => []) : [];
  return (
    <div className="space-y-6">
      <Card title="Sign-in and sessions" className="max-w-2xl">
        <SecurityForm orgSlug={org.slug} initial={settings} canEdit={can(role, "settings:manage")} />
      </Card>
      <Card title="Error severity thresholds" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Fatal and security issues are always critical; warnings and info are low unless a warning regresses.</p>
        <SeverityForm orgSlug={org.slug} initial={severity} canEdit={can(role, "settings:manage")} />
      </Card>
      <Card title="Ticket routing" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Tickets filed from a Sentry project go to whoever completed the most work in its Jira component over recent sprints.</p>
        <RoutingForm orgSlug={org.slug} projects={projects} initial={routing} canEdit={can(role, "settings:manage")} />
      </Card>
      <Card title="Outbound writes" className="max-w-2xl">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          While Jira, Sentry or WorkOS is down or rate-limiting, changes wait in the outbox and are retried (at most 15 minutes apart) for this many hours after they were made, then marked failed with the last error. From 1 to 168 hours.
        </p>
        <OutboxRetryForm orgSlug={org.slug} initial={retryHours} canEdit={can(role, "settings:manage")} />
      </Card>
    </div>
  );
}
