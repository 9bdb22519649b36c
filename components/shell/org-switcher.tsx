"use client";

import { ChevronIcon } from "@/components/ui/icons";
import { MenuDisclosure } from "./menu-disclosure";
import { switchOrgAction } from "@/app/(app)/[orgSlug]/actions";

type OrgOption = { slug: string; name: string; role: string };

/** A disclosure listing the caller's orgs; choosing one switches the WorkOS session to that org. */
export function OrgSwitcher({ current, orgs }: { current: { slug: string; name: string }; orgs: OrgOption[] }) {
  return (
    <MenuDisclosure
      className="group relative"
      summaryClassName="rounded-md px-2 py-1.5 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
      badge={current.name.slice(0, 1)}
      badgeClassName="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white"
      summary={
        <>
          <span>{current.name}</span>
          <span className="sr-only">, switch organization</span>
          <ChevronIcon className="h-4 w-4 text-slate-500 transition-transform group-open:rotate-180" />
        </>
      }
    >
      <ul className="absolute left-0 z-20 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        {orgs.map((org) => (
          <li key={org.slug}>
            <form
              action={async () => {
                await switchOrgAction({ orgSlug: org.slug });
              }}
            >
              <button
                type="submit"
                aria-current={org.slug === current.slug ? "true" : undefined}
                className="flex w-full items-center justify-between rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 aria-[current]:font-semibold dark:hover:bg-slate-800"
              >
                {org.name}
                <span className="text-xs capitalize text-slate-500">{org.role}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </MenuDisclosure>
  );
}
