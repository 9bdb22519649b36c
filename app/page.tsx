import Link from "next/link";
import { redirect } from "next/navigation";
import { withAuth } from "@workos-inc/authkit-nextjs";
import { findHomeOrgSlug } from "@/lib/platform/auth/member-orgs";

/** Signed in: straight to the org the session is in (else your first). Signed out: what Bosun is, and a way in. */
const SIGNED_OUT_MESSAGES: Record<string, string> = {
  idle: "You were signed out after a period of inactivity.",
  revoked: "Your session was ended, by you on another device or by an administrator.",
};

export default async function HomePage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const { signedOut } = await searchParams;
  const { user, organizationId } = await withAuth();
  if (user) {
    const home = await findHomeOrgSlug({ workosUserId: user.id, workosOrgId: organizationId });
    if (home) redirect(`/${home}`);
    return (
      <main className="mx-auto max-w-lg px-6 py-24 text-center">
        <h1 className="text-2xl font-semibold">No organization yet</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          You are signed in as {user.email}, but you are not a member of any organization in Bosun. Ask an admin to
          invite you.
        </p>
      </main>
    );
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center px-6 py-24">
      <p className="text-4xl" aria-hidden="true">
        ⚓
      </p>
      <h1 className="mt-4 text-4xl font-bold tracking-tight">Bosun</h1>
      <p className="mt-4 text-lg text-slate-600 dark:text-slate-400">
        Sprint capacity from Jira, error health from Sentry, and org access through WorkOS, in one place for engineering
        teams.
      </p>
      {signedOut && SIGNED_OUT_MESSAGES[signedOut] && (
        <p
          role="status"
          className="mt-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          {SIGNED_OUT_MESSAGES[signedOut]}
        </p>
      )}
      <div className="mt-8">
        <Link href="/sign-in" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Sign in
        </Link>
      </div>
    </main>
  );
}
