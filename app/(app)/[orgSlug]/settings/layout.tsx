import { PageHeader } from "@/components/ui/page-header";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireOrg } from "@/lib/platform/auth/org";

export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ orgSlug: string }>;
}) {
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
