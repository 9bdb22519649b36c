export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-md py-24 text-center">
      <p className="text-sm font-semibold text-brand-600 dark:text-brand-300">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        This page does not exist, or you do not have access to it.
      </p>
      {/* A plain link: the root not-found boundary ships with every page, and next/link here put a second copy of
          the router's link code into every page's first load (about 3 kB); a 404 can afford a full load. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- deliberate, see above */}
      <a href="/" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline dark:text-brand-300">
        Back to your organizations
      </a>
    </div>
  );
}
