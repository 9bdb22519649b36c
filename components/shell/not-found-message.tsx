import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <p className="text-sm font-semibold text-brand-600 dark:text-brand-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        This page does not exist, or you do not have access to it.
      </p>
      <Link
        href="/"
        className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-300"
      >
        Back to your organizations
      </Link>
    </div>
  );
}
