import { BellIcon } from "@/components/ui/icons";
import { HeaderPopover } from "./header-popover";

/** The inbox's toggle and panel: a bell, a visible count when something is unread, and a label that says both. */
export function InboxPopover({
  unread,
  label,
  children,
}: {
  unread: number;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <HeaderPopover
      id="inbox-panel"
      testId="inbox"
      align="end"
      buttonClassName="relative flex items-center rounded-md p-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
      button={
        <>
          <BellIcon />
          <span className="sr-only">{label}</span>
          {unread > 0 && (
            <span
              aria-hidden="true"
              className="absolute -right-0.5 -top-0.5 grid h-4 min-w-4 place-items-center rounded-full bg-red-600 px-1 text-[10px] font-semibold leading-none text-white"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </>
      }
      panelClassName="w-80 p-2"
    >
      {children}
    </HeaderPopover>
  );
}
