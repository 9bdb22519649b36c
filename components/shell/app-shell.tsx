import Link from "next/link";
import { Suspense } from "react";
import { InboxButton, InboxPlaceholder } from "./inbox-button";
import { MobileNav } from "./mobile-nav";
import { OrgSwitcher } from "./org-switcher";
import { SidebarFooter } from "./sidebar-footer";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

type AppShellProps = {
  org: { slug: string; name: string };
  orgs: { slug: string; name: string; role: string }[];
  user: { name: string; email: string };
  role: string;
  demo: boolean;
  /** More header tools (a search or command button), placed before the inbox bell. */
  headerTools?: React.ReactNode;
  children: React.ReactNode;
};

/**
 * Sidebar, header and main area for every org page. Below md the sidebar folds into the header's navigation popover;
 * the header fits a 390 px phone (the org name truncates), and the main column may shrink below its content's width
 * so a wide table scrolls inside its own container instead of the whole page.
 */
export function AppShell({ org, orgs, user, role, demo, headerTools, children }: AppShellProps) {
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
        <div className="mt-auto">
          <SidebarFooter demo={demo} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="print:hidden sticky top-0 z-10 flex h-14 items-center gap-2 border-b border-slate-200 bg-white/90 px-3 backdrop-blur sm:gap-3 sm:px-4 dark:border-slate-800 dark:bg-slate-900/90">
          <MobileNav orgSlug={org.slug} footer={<SidebarFooter demo={demo} />} />
          <OrgSwitcher current={org} orgs={orgs} />
          <div className="ml-auto flex shrink-0 items-center gap-2">
            {headerTools}
            {/* Its two reads must not hold back the header and the page below it: the bell fills in when they land. */}
            <Suspense fallback={<InboxPlaceholder />}>
              <InboxButton orgSlug={org.slug} />
            </Suspense>
            <UserMenu user={user} role={role} orgSlug={org.slug} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
