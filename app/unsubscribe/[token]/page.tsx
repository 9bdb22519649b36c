import { describeUnsubscribeToken } from "@/lib/features/notifications";
import { primaryButtonClass } from "@/components/ui/submit-button";
import { confirmUnsubscribeAction } from "./actions";

export const metadata = { title: "Unsubscribe", robots: { index: false } };

/** The page an e-mail's unsubscribe link opens, signed in or not: it asks before it acts. */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const query = await searchParams;
  const link = await describeUnsubscribeToken(token);
  return (
    <main
      id="main"
      className="mx-auto mt-24 max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h1 className="text-xl font-semibold">Unsubscribe from Bosun e-mail</h1>
      {!link ? (
        <p role="alert" className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          This unsubscribe link is not valid. It may have been copied incompletely; open it again from the e-mail, or
          change what you get on the notification preferences page after signing in.
        </p>
      ) : link.unsubscribed ? (
        <p role="status" className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          {query.done ? "Done. " : ""}You get no e-mail from {link.orgName} in Bosun. Notifications still appear in your
          inbox in Bosun; turn e-mail back on under Notifications → Preferences.
        </p>
      ) : (
        <>
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            Stop all e-mail from {link.orgName} in Bosun: notifications and the weekly digest. Notifications still
            appear in your inbox in Bosun.
          </p>
          <form action={confirmUnsubscribeAction.bind(null, token)} className="mt-5">
            <button type="submit" className={primaryButtonClass("md")}>
              Unsubscribe
            </button>
          </form>
        </>
      )}
    </main>
  );
}
