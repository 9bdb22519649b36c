import { describeRollbackHook, getRollbackSettings } from "@/lib/features/rollback";
import { RollbackHookForm, RollbackSettingsForm } from "./rollback-hook-form";
import type { IntegrationPanelProps } from "@/components/settings/integration-panel-props";
import { LocalTime } from "@/components/ui/local-time";
import { getViewerTime } from "@/components/ui/tz-script";

/**
 * The rollback hook: where Bosun sends an approved rollback (the org's deployment system), how it signs it, and
 * when the gate recommends one. Admins edit; everyone else sees the settings, never the secret.
 */
export async function RollbackHookPanel({ orgId, orgSlug, canManage }: IntegrationPanelProps) {
  const time = await getViewerTime();
  const when = (date: Date) => <LocalTime at={date} time={time} />;
  const [hook, settings] = await Promise.all([describeRollbackHook({ orgId }), getRollbackSettings({ orgId })]);
  return (
    <section
      aria-labelledby="rollback-hook-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm lg:col-span-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-1 flex items-center justify-between">
        <h2 id="rollback-hook-title" className="text-lg font-semibold">
          Rollback hook
        </h2>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${hook ? "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300" : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"}`}
        >
          {hook ? "connected" : "not connected"}
        </span>
      </div>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        When a manager approves a recommended rollback, Bosun sends one POST to your deployment system&apos;s hook,
        signed with <code>X-Bosun-Signature: sha256=HMAC-SHA256(secret, &quot;timestamp.body&quot;)</code> and an{" "}
        <code>Idempotency-Key</code> that stays the same when a request is retried.
      </p>
      {hook && (
        <p className="mb-4 text-xs text-slate-500 dark:text-slate-400">
          Sends to <code className="break-all">{hook.url}</code>, waits {hook.timeoutSeconds} s for an answer; secret{" "}
          {hook.secretSet ? "set" : "missing"}; changed {when(hook.updatedAt)}.
        </p>
      )}
      {canManage ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <RollbackHookForm
            orgSlug={orgSlug}
            url={hook?.url ?? ""}
            timeoutSeconds={hook?.timeoutSeconds ?? 10}
            connected={hook !== null}
          />
          <RollbackSettingsForm orgSlug={orgSlug} settings={settings} />
        </div>
      ) : (
        <div className="text-sm">
          <dl className="space-y-1">
            <div className="flex gap-2">
              <dt className="text-slate-500 dark:text-slate-400">Window after a deploy</dt>
              <dd>{settings.windowHours} h</dd>
            </div>
            <div className="flex gap-2">
              <dt className="text-slate-500 dark:text-slate-400">New Critical issues</dt>
              <dd>{settings.criticalIssueThreshold}</dd>
            </div>
            <div className="flex gap-2">
              <dt className="text-slate-500 dark:text-slate-400">Environment</dt>
              <dd>{settings.environment}</dd>
            </div>
          </dl>
          <p className="pt-2 text-slate-600 dark:text-slate-400">Only admins can change the rollback hook.</p>
        </div>
      )}
    </section>
  );
}
