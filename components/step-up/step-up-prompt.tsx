import Link from "next/link";

/**
 * What a page shows when an action answers with `stepUp`: why, and the way to
 * /mfa, which asks for a code and comes back to this page. Used by every page
 * with a bulk write in an org that requires MFA.
 */
export function StepUpPrompt({ message, url }: { message: string; url: string }) {
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>{message}</p>
      <Link
        href={url}
        className="inline-block rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
      >
        Verify with your authenticator app
      </Link>
    </div>
  );
}
