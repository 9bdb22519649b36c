"use client";

import { useEffect } from "react";
import * as Sentry from "@sentry/nextjs";

/** Last resort when the root layout itself fails: report it and offer a reload. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => {
    Sentry.captureException(error);
  }, [error]);

  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>Bosun hit an unexpected error</h1>
        <p>It has been reported{error.digest ? ` (reference ${error.digest})` : ""}.</p>
        <a href="/">Reload Bosun</a>
      </body>
    </html>
  );
}
