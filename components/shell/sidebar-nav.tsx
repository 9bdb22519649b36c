"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import {
  AutomationIcon,
  ErrorIcon,
  InsightsIcon,
  OverviewIcon,
  PerformanceIcon,
  ReleaseIcon,
  SettingsIcon,
  SprintIcon,
} from "@/components/ui/icons";
import { NAV_ITEMS, isNavItemActive, type NavIcon } from "./nav-items";

const ICONS: Record<NavIcon, (p: { className?: string }) => React.ReactNode> = {
  overview: OverviewIcon,
  sprints: SprintIcon,
  errors: ErrorIcon,
  performance: PerformanceIcon,
  releases: ReleaseIcon,
  insights: InsightsIcon,
  automations: AutomationIcon,
  settings: SettingsIcon,
};

export function SidebarNav({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {NAV_ITEMS.map(({ segment, label, icon }) => {
        const Icon = ICONS[icon];
        const active = isNavItemActive(pathname, orgSlug, segment);
        return (
          <Link
            key={label}
            href={segment ? `/${orgSlug}/${segment}` : `/${orgSlug}`}
            aria-current={active ? "page" : undefined}
            className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors ${
              active
                ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
                : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800/60 dark:hover:text-slate-100"
            }`}
          >
            <Icon className="h-5 w-5 shrink-0" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
