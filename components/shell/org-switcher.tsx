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
          {/* The initial is drawn by CSS, so the button's visible text is the org's name alone, as its label begins. */}
          <span
            aria-hidden="true"
            data-initial={current.name.slice(0, 1)}
            className="grid h-7 w-7 shrink-0 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white before:content-[attr(data-initial)]"
          />
          <span className="min-w-0 truncate">{current.name}</span>
          <ChevronIcon className="h-4 w-4 shrink-0 text-slate-500 transition-transform group-has-[:popover-open]:rotate-180 dark:text-slate-400" />
        </>
      }
      panelClassName="w-64 p-1"
    >
      <ul aria-label="Organizations">
        {orgs.map((org) => (
          <li key={org.slug}>
            {/* Rendered on the server: the bound action carries the org, and no switcher code reaches the browser. */}
            <form action={switchOrgAction.bind(null, { orgSlug: org.slug })}>
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
