"use client";

import { ChevronIcon } from "@/components/ui/icons";
import { HeaderPopover } from "./header-popover";
import { switchOrgAction } from "@/app/(app)/[orgSlug]/actions";

type OrgOption = { slug: string; name: string; role: string };

/**
 * A header popover listing the caller's orgs; choosing one switches the WorkOS session to that org. A long org name
 * truncates so the header still fits a phone.
 */
export function OrgSwitcher({ current, orgs }: { current: { slug: string; name: string }; orgs: OrgOption[] }) {
  return (
    <HeaderPopover
      id="org-switcher-menu"
      align="start"
      className="group min-w-0"
      buttonLabel={`${current.name}, switch organization`}
      buttonClassName="flex max-w-full items-center gap-2 rounded-md px-2 py-1.5 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
      button={
        <>
          <span
            aria-hidden="true"
            className="grid h-7 w-7 shrink-0 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white"
          >
            {current.name.slice(0, 1)}
          </span>
          <span className="min-w-0 truncate">{current.name}</span>
          <ChevronIcon className="h-4 w-4 shrink-0 text-slate-500 transition-transform group-has-[:popover-open]:rotate-180 dark:text-slate-400" />
        </>
      }
      panelClassName="w-64 p-1"
    >
      <ul aria-label="Organizations">
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
                className="flex w-full items-center justify-between gap-3 rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 aria-[current]:font-semibold dark:hover:bg-slate-800"
              >
                <span className="min-w-0 break-words">{org.name}</span>
                <span className="text-xs capitalize text-slate-600 dark:text-slate-400">{org.role}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </HeaderPopover>
  );
}
