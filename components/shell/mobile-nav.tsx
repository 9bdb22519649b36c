import { MenuIcon } from "@/components/ui/icons";
import { HeaderPopover } from "./header-popover";
import { SidebarNav } from "./sidebar-nav";

/**
 * Below the md breakpoint the sidebar is hidden and opens from the header's menu button instead: its navigation and,
 * under it, the sidebar's `footer`.
 */
export function MobileNav({ orgSlug, footer }: { orgSlug: string; footer?: React.ReactNode }) {
  return (
    <HeaderPopover
      id="navigation-menu"
      align="start"
      className="shrink-0 md:hidden"
      buttonClassName="flex rounded-md p-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
      button={
        <>
          <MenuIcon />
          <span className="sr-only">Open navigation</span>
        </>
      }
      panelClassName="w-64 p-2"
    >
      <SidebarNav orgSlug={orgSlug} />
      {footer && <div className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-700">{footer}</div>}
    </HeaderPopover>
  );
}
