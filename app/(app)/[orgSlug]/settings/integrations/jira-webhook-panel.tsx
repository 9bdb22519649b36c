import { loadJiraWebhookPanel } from "@/lib/features/jira-events";
import { RegisterJiraWebhookButton } from "./jira-webhook-register";
import type { IntegrationPanelProps } from "@/components/settings/integration-panel-props";
import { LocalTime } from "@/components/ui/local-time";
import { getViewerTime } from "@/components/ui/tz-script";

/**
 * The Jira card's webhook section: where Jira should send its events, whether
 * a secret is set (never its value), which events to register, when the last
 * delivery arrived, and, for a token with Jira admin rights, a button that
 * registers the webhook. Streams on its own: it asks Jira about permissions.
 */
export async function JiraWebhookPanel({ orgId, orgSlug, canManage }: IntegrationPanelProps) {
  const time = await getViewerTime();
  const when = (date: Date) => <LocalTime at={date} time={time} />;
  const panel = await loadJiraWebhookPanel({ orgId, orgSlug });
  if (!panel.connected) return null;
  return (
    <section
      aria-labelledby="jira-webhook-title"
      className="mb-4 space-y-2 border-b border-slate-200 pb-4 text-xs dark:border-slate-800"
    >
      <h3 id="jira-webhook-title" className="text-sm font-semibold">
        Jira webhook
      </h3>
      <p>
        URL: <code className="break-all rounded bg-slate-100 px-1 py-0.5 dark:bg-slate-800">{panel.url}</code>
      </p>
      <p>
        Secret:{" "}
        {panel.secretSet ? (
          <span className="text-emerald-700 dark:text-emerald-400">set (Jira signs each delivery with it)</span>
        ) : (
          <span className="text-amber-700 dark:text-amber-300">
            not set — enter a webhook secret below; without one Bosun refuses Jira&apos;s deliveries
          </span>
        )}
      </p>
      <p>
        Events: <span className="font-mono">{panel.events.join(", ")}</span>
      </p>
      <p>
        Last delivery:{" "}
        {panel.lastDelivery ? (
          <>
            {when(panel.lastDelivery.receivedAt)} ({panel.lastDelivery.eventType}, {panel.lastDelivery.status})
          </>
        ) : (
          <span className="text-amber-700 dark:text-amber-300">
            none yet — register the webhook in Jira (Settings → System → WebHooks) or with the button below; until then
            sprints are picked up by a check every 15 minutes
          </span>
        )}
      </p>
      {panel.problem && (
        <p className="text-red-600 dark:text-red-400">Jira could not be asked about webhooks: {panel.problem}</p>
      )}
      {panel.registered && <p className="text-emerald-700 dark:text-emerald-400">Registered in Jira.</p>}
      {canManage && panel.canRegister && panel.secretSet && (
        <RegisterJiraWebhookButton orgSlug={orgSlug} registered={panel.registered === true} />
      )}
      {canManage && panel.canRegister === false && (
        <p className="text-slate-500 dark:text-slate-400">
          The API token&apos;s account is not a Jira administrator, so a Jira admin has to add the webhook.
        </p>
      )}
    </section>
  );
}
