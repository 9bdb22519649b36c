import { ServiceStatus } from "./service-status";

/** What the sidebar shows under the navigation: the backend's health and, in demo mode, where the data comes from. */
export function SidebarFooter({ demo }: { demo: boolean }) {
  return (
    <div className="space-y-3">
      <ServiceStatus />
      {demo && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-200">
          Demo mode: Jira, Sentry and WorkOS are local emulators with seeded data.
        </p>
      )}
    </div>
  );
}
