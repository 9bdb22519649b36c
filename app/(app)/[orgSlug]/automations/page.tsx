import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { automationActivity, listDeliveries, listRules, listRuns } from "@/lib/db/queries/automations";
import { listFailedWrites, listPendingWrites } from "@/lib/db/queries/outbox";
import type { RunStatus } from "@/lib/db/generated/client";
import { AUTOMATION_KINDS, KIND_LABELS, RULE_CONFIG_SCHEMAS, describeRuleConfig, parseRule } from "@/lib/domain/automations";
import { env } from "@/lib/platform/env";
import { listJobs } from "@/lib/platform/jobs";
import { TableHead } from "@/components/ui/table-head";
import { AddRule } from "./add-rule";
import { OutboxList } from "./outbox-list";
import { RetryButton } from "./retry-button";
import { RuleCard, type RuleView } from "./rule-card";
import { RunLog } from "./run-log";
import { StatusBadge } from "./status-badge";

export const metadata = { title: "Automations" };

const RUN_FILTERS = new Set<RunStatus>(["failed", "pending", "succeeded", "skipped"]);
const time = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

function Tile({ label, value, tone = "" }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3 dark:border-slate-800">
      <p className="text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <p className={`text-2xl font-semibold tabular-nums ${tone}`}>{value.toLocaleString("en")}</p>
    </div>
  );
}

export default async function AutomationsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgSlug } = await params;
  const { org, role, user } = await requireOrg(orgSlug);
  if (!can(role, "automations:view")) {
    // A member sees and retries only the writes they asked for themselves (a ticket, a triage).
    const [ownPending, ownFailed] = await Promise.all([listPendingWrites({ orgId: org.id, actorId: user.id }), listFailedWrites({ orgId: org.id, actorId: user.id })]);
    return (
      <>
        <PageHeader title="Automations" />
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">Only admins and managers of {org.name} can see automations.</p>
        <Card title="Your pending and failed writes">
          <OutboxList orgSlug={org.slug} writes={ownPending} failed={ownFailed} now={new Date()} canAct />
        </Card>
      </>
    );
  }
  const canEdit = can(role, "automations:edit");
  const rawStatus = (await searchParams).runs;
  const runStatus = typeof rawStatus === "string" && RUN_FILTERS.has(rawStatus as RunStatus) ? (rawStatus as RunStatus) : undefined;
  const now = new Date();
  const [rules, runs, pending, failedWrites, deliveries, deadJobs, activity] = await Promise.all([
    listRules({ orgId: org.id }),
    listRuns({ orgId: org.id, filter: { status: runStatus } }),
    listPendingWrites({ orgId: org.id }),
    listFailedWrites({ orgId: org.id }),
    listDeliveries({ orgId: org.id, sources: ["sentry", "github"] }),
    listJobs({ orgId: org.id, statuses: ["dead"], limit: 20 }),
    automationActivity({ orgId: org.id, since: new Date(now.getTime() - 86_400_000) }),
  ]);

  const views: RuleView[] = rules.map((rule) => {
    const parsed = parseRule(rule);
    return {
      id: rule.id,
      kind: rule.kind,
      name: rule.name,
      enabled: rule.enabled,
      title: KIND_LABELS[rule.kind].title,
      description: parsed.ok ? describeRuleConfig(parsed.rule) : KIND_LABELS[rule.kind].description,
      config: (parsed.ok ? parsed.rule.config : rule.config) as Record<string, unknown>,
      problem: parsed.ok ? null : `These settings no longer validate (${parsed.error}); the rule fails until they are fixed.`,
    };
  });
  const suggestedKey = views.map((v) => v.config.jiraProjectKey).find((key): key is string => typeof key === "string") ?? "";
  const kinds = AUTOMATION_KINDS.map((kind) => ({ kind, ...KIND_LABELS[kind], defaults: (RULE_CONFIG_SCHEMAS[kind].safeParse({ jiraProjectKey: suggestedKey || "ACME" }).data ?? {}) as Record<string, unknown> }));
  const hook = (source: string) => `${env.publicUrl}/api/webhooks/${source}/${org.slug}`;

  return (
    <>
      <PageHeader title="Automations" description="Rules that turn Sentry and GitHub events into Jira work. Deliveries are verified, queued and processed exactly once; every write goes through the outbox, so an outage delays it and never loses it." />
      <div className="space-y-6">
        <section aria-label="Last 24 hours" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Tile label="Deliveries (24 h)" value={Object.values(activity.deliveries).reduce((a, b) => a + (b ?? 0), 0)} />
          <Tile label="Runs succeeded" value={activity.runs.succeeded ?? 0} tone="text-emerald-700 dark:text-emerald-400" />
          <Tile label="Runs failed" value={activity.runs.failed ?? 0} tone={(activity.runs.failed ?? 0) > 0 ? "text-red-600" : ""} />
          <Tile label="Writes waiting" value={pending.length} tone={pending.length > 0 ? "text-amber-700 dark:text-amber-300" : ""} />
          <Tile label="Dead letters" value={deadJobs.length} tone={deadJobs.length > 0 ? "text-red-600" : ""} />
        </section>

        <Card title="Rules">
          {!canEdit && <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Admins edit rules; you can see them and preview what they would do.</p>}
          {views.length === 0 ? <p className="text-sm text-slate-500">No rules yet.</p> : (
            <ul className="space-y-3">
              {views.map((rule) => (
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
            Writes waiting for their service are retried automatically; Resume now tries one at once. A write that failed stays failed until someone retries it or sends corrected input (Edit and resend), which replaces it. Each is audited, and writes to one item still apply in the order they were made.
          </p>
          <OutboxList orgSlug={org.slug} writes={pending} failed={failedWrites} now={now} canAct />
        </Card>

        <section id="run-log">
          <Card title="Run log">
            <RunLog orgSlug={org.slug} runs={runs} status={runStatus ?? ""} canRetry={canEdit} />
          </Card>
        </section>

        <Card title="Webhook deliveries">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Point Sentry&apos;s integration webhooks at <code className="font-mono text-xs">{hook("sentry")}</code> and GitHub&apos;s (events <em>Branch or tag creation</em> and <em>Pull requests</em>, content type JSON) at{" "}
            <code className="font-mono text-xs">{hook("github")}</code>. Their secrets are set under Settings → Integrations.
          </p>
          {deliveries.length === 0 ? <p className="text-sm text-slate-500">No deliveries yet.</p> : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <TableHead columns={["Received (UTC)", "From", "Event", "Status"]} />
                <tbody>
                  {deliveries.map((delivery) => (
                    <tr key={delivery.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                      <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs">{time(delivery.receivedAt)}</td>
                      <td className="py-2 pr-4 capitalize">{delivery.source}</td>
                      <td className="py-2 pr-4 font-mono text-xs">{delivery.eventType}</td>
                      <td className="py-2">
                        <StatusBadge status={delivery.status} />
                        {delivery.error && <span className="block text-xs text-slate-500">{delivery.error}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>

        {deadJobs.length > 0 && (
          <Card title="Dead-letter list">
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Jobs that ran out of attempts or could never succeed. Retrying runs them again from the start; finished steps are not repeated.</p>
            <ul className="space-y-2 text-sm">
              {deadJobs.map((job) => (
                <li key={job.id} className="flex flex-wrap items-start justify-between gap-2 border-t border-slate-100 pt-2 dark:border-slate-800">
                  <span>
                    <span className="font-mono text-xs">{job.queue}</span> · {job.attempts} attempts{job.deadAt ? ` · dead since ${time(job.deadAt)}` : ""}
                    {job.lastError && <span className="block text-xs text-red-600">{job.lastError}</span>}
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
