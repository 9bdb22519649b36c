import { AppShell } from "@/components/shell/app-shell";
import { Shortcuts } from "@/components/shell/shortcuts";
import { requireOrg } from "@/lib/platform/auth/org";
import { listSwitchableOrgs } from "@/lib/platform/auth/member-orgs";
import { env } from "@/lib/platform/env";
import type { OrgLayoutProps } from "@/app/(app)/[orgSlug]/org-page-props";

export default async function OrgLayout({ children, params }: OrgLayoutProps) {
  const { orgSlug } = await params;
  const { org, user, role } = await requireOrg(orgSlug);
  const orgs = await listSwitchableOrgs({ userId: user.id });
  return (
    <AppShell
      org={org}
      orgs={orgs}
      user={user}
      role={role}
      demo={env.mode === "demo"}
      headerTools={<Shortcuts orgSlug={org.slug} />}
    >
      {children}
    </AppShell>
  );
}
