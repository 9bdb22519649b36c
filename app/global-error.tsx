"use client";

import { useEffect } from "react";

/** Last resort when the root layout itself fails: report it and offer a reload. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => {
    // Loaded on demand: Sentry is kept out of every page's first-load JavaScript.
    void import("@sentry/nextjs").then((Sentry) => Sentry.captureException(error));
  }, [error]);

  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>Bosun hit an unexpected error</h1>
        <p>It has been reported{error.digest ? ` (reference ${error.digest})` : ""}.</p>
        {/* A full page load on purpose: the root layout itself failed, so client navigation cannot be trusted. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Reload Bosun</a>
      </body>
    </html>
  );
}
