import "server-only";
import { findLastRetentionRun } from "@/lib/db/queries/retention";
import { getOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { getSeveritySettings } from "@/lib/features/errors";
import { getPerformanceSettings } from "@/lib/features/performance";
import { getRetentionSettings } from "@/lib/features/retention";
import { getTicketRouting } from "@/lib/features/tickets";
import { getSentryConfig } from "@/lib/integrations/connections";
import { listProjectSlugs } from "@/lib/integrations/sentry";
import { getOutboxRetryHours } from "@/lib/platform/outbox/retry-settings";

/**
 * Everything the org settings page shows, read at once: each card's saved values, and the Sentry project slugs
 * ticket routing offers (none when Sentry is not connected or does not answer, so the page still renders).
 */
export async function loadSettingsPage({ orgId }: { orgId: string }) {
  const [security, severity, routing, sentry, retryHours, retention, lastRetentionRun, performance] = await Promise.all(
    [
      getOrgSecuritySettings({ orgId }),
      getSeveritySettings({ orgId }),
      getTicketRouting({ orgId }),
      getSentryConfig({ orgId }),
      getOutboxRetryHours({ orgId }),
      getRetentionSettings({ orgId }),
      findLastRetentionRun({ orgId }),
      getPerformanceSettings({ orgId }),
    ],
  );
  const projects = sentry ? await listProjectSlugs(sentry).catch(() => []) : [];
  return { security, severity, routing, projects, retryHours, retention, lastRetentionRun, performance };
}
