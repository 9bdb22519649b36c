import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ShortcutHelpContent, ShortcutHelpDialog } from "./shortcut-help-dialog";

describe("ShortcutHelpDialog", () => {
  it("is a dialog named by its heading, with a way to close it", () => {
    const html = renderToStaticMarkup(<ShortcutHelpDialog onClose={() => undefined} />);
    expect(html).toMatch(/^<dialog aria-labelledby="shortcut-help-title"/);
    expect(html).toContain('<h2 id="shortcut-help-title"');
    expect(html).toMatch(/<form [^>]*method="dialog"[^>]*><button type="submit"[^>]*>Close<\/button>/);
  });

  it("lists every shortcut with its keys", () => {
    const html = renderToStaticMarkup(<ShortcutHelpContent />);
    for (const [keys, description] of [
      ["<kbd[^>]*>g</kbd><kbd[^>]*>s</kbd>", "Go to Sprints"],
      ["<kbd[^>]*>g</kbd><kbd[^>]*>r</kbd>", "Go to Releases"],
      ["<kbd[^>]*>/</kbd>", "Search this page"],
      ["<kbd[^>]*>Ctrl</kbd><kbd[^>]*>K</kbd>", "Open the command palette"],
      ["<kbd[^>]*>\\?</kbd>", "Show these keyboard shortcuts"],
    ])
      expect(html).toMatch(new RegExp(`${keys}</dt><dd[^>]*>${description}`));
    expect(html.match(/<dt/g)).toHaveLength(10);
  });
});
