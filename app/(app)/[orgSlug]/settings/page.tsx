import { Card } from "@/components/ui/card";
import { requireOrg } from "@/lib/auth/org";
import { can } from "@/lib/auth/permissions";
import { getOrgSecuritySettings } from "@/lib/db/queries/organizations";
import { SecurityForm } from "./security-form";

export const metadata = { title: "Settings" };

export default async function OrgSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, role } = await requireOrg(orgSlug);
  const settings = await getOrgSecuritySettings({ orgId: org.id });
  return (
    <Card title="Sign-in and sessions" className="max-w-2xl">
      <SecurityForm orgSlug={org.slug} initial={settings} canEdit={can(role, "settings:manage")} />
    </Card>
  );
}
