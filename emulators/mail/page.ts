import type { CaughtMessage } from "./store";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * The catcher's page: every caught message, newest first, as text. The HTML
 * part is shown as escaped source, never rendered, so a message cannot run
 * script in the page.
 */
export function renderMessagesPage(messages: CaughtMessage[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (m) => `<article>
<h2>${escape(m.subject || "(no subject)")}</h2>
<dl><dt>From</dt><dd>${escape(m.from)}</dd><dt>To</dt><dd>${escape(m.to.join(", "))}</dd><dt>Received</dt><dd><time datetime="${escape(m.receivedAt)}">${escape(m.receivedAt)}</time></dd></dl>
<pre>${escape(m.text)}</pre>
<details><summary>HTML source</summary><pre>${escape(m.html)}</pre></details>
</article>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bosun mail catcher</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color-scheme:light dark}article{border:1px solid #8884;border-radius:.5rem;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;word-break:break-word}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}</style>
</head><body>
<h1>Bosun mail catcher</h1>
<p>${messages.length === 1 ? "1 message" : `${messages.length} messages`} caught. JSON: <a href="/__emulator/messages">/__emulator/messages</a> (DELETE empties it).</p>
${items || "<p>No messages yet.</p>"}
</body></html>`;
}
