import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/domain/permissions";
import { loadPreferences } from "@/lib/features/notifications";
import { requireOrg } from "@/lib/platform/auth/org";
import type { OrgPageProps } from "@/app/(app)/[orgSlug]/org-page-props";
import { OrgDefaultsForm } from "./org-defaults-form";
import { PreferencesForm } from "./preferences-form";

export const metadata = { title: "Notification preferences" };

export default async function NotificationPreferencesPage({ params }: OrgPageProps) {
  const { orgSlug } = await params;
  const { org, user, role } = await requireOrg(orgSlug);
  const view = await loadPreferences({ orgId: org.id, userId: user.id });
  const isAdmin = can(role, "settings:manage");
  return (
    <>
      <PageHeader
        title="Notification preferences"
        description={
          <>
            What reaches you from {org.name}, and how. E-mails are batched: at most one every 10 minutes, listing
            everything since the last.{" "}
            <Link href={`/${org.slug}/notifications`} className="text-brand-600 underline dark:text-brand-300">
              Back to notifications
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Your preferences">
          <PreferencesForm orgSlug={org.slug} view={view} />
        </Card>
        {isAdmin && (
          <Card title={`Defaults for ${org.name}`}>
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
              What members get for each event until they choose for themselves. Changes are recorded in the audit log.
            </p>
            <OrgDefaultsForm orgSlug={org.slug} defaults={view.orgDefaults} />
          </Card>
        )}
      </div>
    </>
  );
}
