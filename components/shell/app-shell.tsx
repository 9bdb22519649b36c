import Link from "next/link";
import { Suspense } from "react";
import { MenuIcon } from "@/components/ui/icons";
import { InboxButton, InboxPlaceholder } from "./inbox-button";
import { OrgSwitcher } from "./org-switcher";
import { ServiceStatus } from "./service-status";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

type AppShellProps = {
  org: { slug: string; name: string };
  orgs: { slug: string; name: string; role: string }[];
  user: { name: string; email: string };
  role: string;
  demo: boolean;
  children: React.ReactNode;
};

/** Sidebar, header and main area for every org page; the sidebar folds into a menu on small screens. */
export function AppShell({ org, orgs, user, role, demo, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-4 md:flex print:hidden dark:border-slate-800 dark:bg-slate-900">
        <Link href={`/${org.slug}`} className="mb-6 flex items-center gap-2 px-3 text-lg font-bold tracking-tight">
          <span aria-hidden="true">⚓</span> Bosun
        </Link>
        <SidebarNav orgSlug={org.slug} />
        <div className="mt-auto space-y-3">
          <ServiceStatus />
          {demo && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-200">
              Demo mode: Jira, Sentry and WorkOS are local emulators with seeded data.
            </p>
          )}
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="print:hidden sticky top-0 z-10 flex h-14 items-center gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
          <details className="relative md:hidden">
            <summary className="list-none rounded-md p-1.5 hover:bg-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
              <MenuIcon />
              <span className="sr-only">Open navigation</span>
            </summary>
            <div className="absolute left-0 z-20 mt-2 w-56 rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
              <SidebarNav orgSlug={org.slug} />
            </div>
          </details>
          <OrgSwitcher current={org} orgs={orgs} />
          <div className="ml-auto flex items-center gap-2">
            {/* Its two reads must not hold back the header and the page below it: the bell fills in when they land. */}
            <Suspense fallback={<InboxPlaceholder />}>
              <InboxButton orgSlug={org.slug} />
            </Suspense>
            <UserMenu user={user} role={role} orgSlug={org.slug} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
