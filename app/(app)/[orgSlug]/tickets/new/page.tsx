import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { getJiraConfig } from "@/lib/integrations/connections";
import { readBoards } from "@/lib/integrations/jira/reads";
import { FeatureForm } from "./feature-form";

export const metadata = { title: "New feature" };

export default async function NewTicketsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const header = <PageHeader title="New feature" description="Turn a feature's requirements into an epic, its stories and their subtasks in Jira — previewed first, with who should take each story and which sprint has room." />;
  if (!can(role, "tickets:create")) {
    return (
      <>
        {header}
        <p className="text-sm text-slate-600 dark:text-slate-400">Managers and admins of {org.name} create features from requirements.</p>
      </>
    );
  }
  const jira = await getJiraConfig({ orgId: org.id });
  if (!jira) {
    return (
      <>
        {header}
        <Card>
          <p className="text-sm">Connect Jira in Settings → Integrations first.</p>
        </Card>
      </>
    );
  }
  const boards = await readBoards({ orgId: org.id, config: jira }).catch(() => null);
  const projects = [...new Set((boards?.value ?? []).map((b) => b.projectKey).filter((k): k is string => Boolean(k)))];
  return (
    <>
      {header}
      <FeatureForm orgSlug={org.slug} projects={projects} />
    </>
  );
}
