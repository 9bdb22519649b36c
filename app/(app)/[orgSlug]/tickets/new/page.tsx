import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrg } from "@/lib/platform/auth/org";
import { can } from "@/lib/domain/permissions";
import { FeaturePanel, FeatureSkeleton } from "./feature-panel";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";

export const metadata = { title: "New feature" };

export default async function NewTicketsPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const header = (
    <PageHeader
      title="New feature"
      description="Turn a feature's requirements into an epic, its stories and their subtasks in Jira — previewed first, with who should take each story and which sprint has room."
    />
  );
  if (!can(role, "tickets:create")) {
    return (
      <>
        {header}
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Managers and admins of {org.name} create features from requirements.
        </p>
      </>
    );
  }
  return (
    <>
      {header}
      <Suspense fallback={<FeatureSkeleton />}>
        <FeaturePanel orgId={org.id} orgSlug={org.slug} />
      </Suspense>
    </>
  );
}
