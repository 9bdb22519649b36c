"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { segment: "", label: "Organization" },
  { segment: "members", label: "Members" },
  { segment: "ownership", label: "Ownership" },
  { segment: "integrations", label: "Integrations" },
  { segment: "audit-log", label: "Audit log" },
  { segment: "api-keys", label: "API keys" },
] as const;

export function SettingsTabs({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  const base = `/${orgSlug}/settings`;
  return (
    <nav
      aria-label="Settings"
      className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
    >
      {TABS.map(({ segment, label }) => {
        const href = segment ? `${base}/${segment}` : base;
        const active = segment ? pathname.startsWith(href) : pathname === base;
        return (
          <Link
            key={label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700 dark:text-white" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
