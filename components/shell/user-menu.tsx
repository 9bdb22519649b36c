import { signOutEverywhere } from "@/app/(app)/[orgSlug]/actions";
import { signOutAction } from "@/app/(auth)/actions";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { HeaderPopover } from "./header-popover";

/** The account menu: who is signed in and in which role, the theme, and signing out here or everywhere. */
export function UserMenu({
  user,
  role,
  orgSlug,
}: {
  user: { name: string; email: string };
  role: string;
  orgSlug: string;
}) {
  const initials = user.name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <HeaderPopover
      id="account-menu"
      align="end"
      buttonClassName="rounded-full p-0.5 hover:ring-2 hover:ring-slate-200 dark:hover:ring-slate-700"
      button={
        <>
          <span
            aria-hidden="true"
            className="grid h-8 w-8 place-items-center rounded-full bg-slate-800 text-xs font-semibold text-white dark:bg-slate-200 dark:text-slate-900"
          >
            {initials}
          </span>
          <span className="sr-only">Account menu for {user.name}</span>
        </>
      }
      panelClassName="w-64 p-3"
    >
      <p className="text-sm font-semibold">{user.name}</p>
      <p className="truncate text-xs text-slate-600 dark:text-slate-400">{user.email}</p>
      <p className="mt-1 text-xs capitalize text-slate-600 dark:text-slate-400">Role: {role}</p>
      <div className="my-3">
        <ThemeToggle />
      </div>
      <form action={signOutAction}>
        <button
          type="submit"
          className="w-full rounded-md border border-slate-200 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Sign out
        </button>
      </form>
      <form action={signOutEverywhere.bind(null, orgSlug)} className="mt-2">
        <button
          type="submit"
          className="w-full rounded-md px-3 py-1.5 text-xs text-slate-600 hover:bg-slate-50 dark:text-slate-400 dark:hover:bg-slate-800"
        >
          Sign out on every device
        </button>
      </form>
    </HeaderPopover>
  );
}
