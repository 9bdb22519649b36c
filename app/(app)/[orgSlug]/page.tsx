import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { IntegrationStatusList } from "@/components/shell/integration-status";
import { requireOrg } from "@/lib/platform/auth/org";
import { listIntegrationStatuses } from "@/lib/db/queries/integrations";
import { countMembersByRole } from "@/lib/db/queries/memberships";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "Overview" };

const SECTIONS = [
  {
    segment: "sprints",
    title: "Sprints",
    text: "Capacity, load, dependency conflicts and velocity from Jira; plan the next sprint.",
  },
  {
    segment: "errors",
    title: "Errors",
    text: "Sentry error rates and severity; triage and turn issues into linked Jira tickets.",
  },
  {
    segment: "releases",
    title: "Releases",
    text: "Crash-free sessions and users, adoption and regressions per release, with the matching Jira fixVersion.",
  },
  {
    segment: "automations",
    title: "Automations",
    text: "Sentry → Jira bugs and Git → Jira transitions, with a run log.",
  },
];

export default async function OverviewPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const [integrations, members] = await Promise.all([
    listIntegrationStatuses({ orgId: org.id }),
    countMembersByRole({ orgId: org.id }),
  ]);
  const total = (members.admin ?? 0) + (members.manager ?? 0) + (members.member ?? 0);

  return (
    <>
      <PageHeader title={org.name} description={`You are signed in as ${role}.`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Sections" className="lg:col-span-2">
          <ul className="grid gap-3 sm:grid-cols-2">
            {SECTIONS.map((s) => (
              <li key={s.segment}>
                <Link
                  href={`/${org.slug}/${s.segment}`}
                  className="block h-full rounded-lg border border-slate-200 p-4 hover:border-brand-500 dark:border-slate-700"
                >
                  <span className="font-medium">{s.title}</span>
                  <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{s.text}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <div className="space-y-6">
          <Card title="Integrations">
            <IntegrationStatusList rows={integrations} providers={["jira", "sentry", "github"]} />
          </Card>
          <Card title="People">
            <p className="text-3xl font-semibold tabular-nums">{total}</p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {members.admin ?? 0} admin · {members.manager ?? 0} manager · {members.member ?? 0} member
            </p>
          </Card>
        </div>
      </div>
    </>
  );
}
