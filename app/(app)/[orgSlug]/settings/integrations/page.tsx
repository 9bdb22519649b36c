import { explainUpstreamErrorText } from "@/lib/domain/upstream-messages";
import { Card } from "@/components/ui/card";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { listConnections } from "@/lib/features/connections";
import { env } from "@/lib/platform/env";
import { Suspense } from "react";
import { IntegrationForm } from "./integration-form";
import { JiraWebhookPanel } from "./jira-webhook-panel";
import { RollbackHookPanel } from "./rollback-hook-panel";
import { LocalTime } from "@/components/ui/local-time";
import { getViewerTime } from "@/components/ui/tz-script";

export const metadata = { title: "Integrations" };

const PROVIDERS = [
  { provider: "jira", name: "Jira", purpose: "Sprints, capacity, planning and tickets." },
  { provider: "sentry", name: "Sentry", purpose: "Errors, severity, release health and triage." },
  { provider: "github", name: "GitHub", purpose: "Branches and pull requests move Jira issues forward." },
] as const;

const STATUS_STYLE = {
  connected: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  error: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  disconnected: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
} as const;

export default async function IntegrationsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const time = await getViewerTime();
  const canManage = can(role, "integrations:manage");
  const connections = await listConnections({ orgId: org.id });

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      {PROVIDERS.map(({ provider, name, purpose }) => {
        const connection = connections.find((c) => c.provider === provider);
        const status = connection?.status ?? "disconnected";
        const config = connection?.config ?? {};
        const webhookUrl = provider === "jira" ? null : `${env.publicUrl}/api/webhooks/${provider}/${org.slug}`;
        return (
          <section
            key={provider}
            aria-labelledby={`${provider}-title`}
            className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
          >
            <div className="mb-1 flex items-center justify-between">
              <h2 id={`${provider}-title`} className="text-lg font-semibold">
                {name}
              </h2>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>
                {status === "disconnected" ? "not connected" : status}
              </span>
            </div>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{purpose}</p>
            {connection?.lastCheckedAt && (
              <p className="mb-3 text-xs text-slate-600 dark:text-slate-400">
                Last checked <LocalTime at={connection.lastCheckedAt} time={time} />
                {connection.lastError
                  ? `: ${explainUpstreamErrorText(connection.lastError) ?? connection.lastError}`
                  : ""}
              </p>
            )}
            {webhookUrl && (
              <p className="mb-4 text-xs">
                Webhook URL:{" "}
                <code className="break-all rounded bg-slate-100 px-1 py-0.5 dark:bg-slate-800">{webhookUrl}</code>
              </p>
            )}
            {provider === "jira" && (
              <Suspense
                fallback={<p className="mb-4 text-xs text-slate-500 dark:text-slate-400">Checking the Jira webhook…</p>}
              >
                <JiraWebhookPanel orgId={org.id} orgSlug={org.slug} canManage={canManage} />
              </Suspense>
            )}
            {canManage ? (
              <IntegrationForm
                orgSlug={org.slug}
                provider={provider}
                config={config}
                connected={status !== "disconnected"}
              />
            ) : (
              <div className="text-sm">
                <dl className="space-y-1">
                  {Object.entries(config).map(([key, value]) => (
                    <div key={key} className="flex gap-2">
                      <dt className="text-slate-600 dark:text-slate-400">{key}</dt>
                      <dd className="truncate">{value}</dd>
                    </div>
                  ))}
                </dl>
                <p className="pt-2 text-slate-600 dark:text-slate-400">Only admins can change integrations.</p>
              </div>
            )}
          </section>
        );
      })}
      <RollbackHookPanel orgId={org.id} orgSlug={org.slug} canManage={canManage} />
      <Card title="How credentials are kept" className="lg:col-span-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Tokens and secrets are encrypted with AES-256-GCM before they are stored, under a key that only the server
          holds, and they are never sent back to a browser. Each change is written to the audit log without the secret
          itself.
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          A stored secret is only ever sent to the address it was entered with: changing a site URL, e-mail, Sentry URL
          or organization slug means entering the secrets again. Bosun connects only to public addresses (internal ones
          need the server&apos;s BOSUN_ALLOWED_UPSTREAM_HOSTS setting), never follows a redirect, and stops reading an
          answer past 10 MB.
        </p>
      </Card>
    </div>
  );
}
