import Link from "next/link";
import { redirect } from "next/navigation";
import { withAuth } from "@workos-inc/authkit-nextjs";
import { signOutAction } from "../../actions";

export const metadata = { title: "Sign out" };

/**
 * Where a GET /sign-out for a session that is still valid lands: signing out
 * takes this form's POST (a server action, so Next checks its origin), never a link.
 */
export default async function ConfirmSignOutPage() {
  const { user } = await withAuth();
  if (!user) redirect("/");
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <h1 className="text-2xl font-semibold">Sign out?</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-400">You are signed in as {user.email}.</p>
      <form action={signOutAction}>
        <button
          type="submit"
          className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          Sign out
        </button>
      </form>
      <Link href="/" className="mt-4 text-center text-sm text-slate-600 hover:underline dark:text-slate-400">
        Stay signed in
      </Link>
    </main>
  );
}
