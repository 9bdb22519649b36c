import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireOrg } from "@/lib/platform/auth/org";
import type { OrgLayoutProps } from "@/app/(app)/[orgSlug]/org-page-props";

export default async function SettingsLayout({ children, params }: OrgLayoutProps) {
  const { orgSlug } = await params;
  const { org } = await requireOrg(orgSlug);
  return (
    <>
      <PageHeader title="Settings" description={`Members, access, integrations and the audit log of ${org.name}.`} />
      <SettingsTabs orgSlug={org.slug} />
      {children}
    </>
  );
}
