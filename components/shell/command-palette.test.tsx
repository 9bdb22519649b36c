import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { PaletteEntry } from "@/lib/domain/palette/entry";
import { CommandPalette } from "./command-palette";
import { CommandPaletteOptions, optionId } from "./command-palette-options";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => undefined }) }));

const RESULTS: PaletteEntry[] = [
  { kind: "release", label: "web@2.31.0", href: "/acme/releases/web%402.31.0" },
  { kind: "jira", label: "ACME-12", detail: "Open in Jira", href: "https://jira.test/browse/ACME-12", external: true },
];

describe("CommandPalette", () => {
  it("is a modal dialog whose search field is a combobox controlling the results listbox", () => {
    const html = renderToStaticMarkup(<CommandPalette orgSlug="acme" onClose={() => undefined} />);
    expect(html).toMatch(/^<dialog aria-label="Command palette"/);
    const controls = /role="combobox"[^>]*aria-controls="([^"]+)"/.exec(html)?.[1];
    expect(controls).toBeTruthy();
    expect(html).toContain(`<ul id="${controls}" role="listbox" aria-label="Results"`);
    expect(html).toMatch(
      /<label for="([^"]+)"[^>]*>Go to a page, board, release, error or Jira key<\/label><input id="\1"/,
    );
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain("aria-activedescendant");
    expect(html).toContain('role="status"');
    expect(html).toContain("Searching…");
  });
});

describe("CommandPaletteOptions", () => {
  const render = (activeIndex: number) =>
    renderToStaticMarkup(
      <CommandPaletteOptions
        listboxId="palette"
        results={RESULTS}
        activeIndex={activeIndex}
        onChoose={() => undefined}
        onHover={() => undefined}
      />,
    );

  it("renders one option per result with ids the combobox points at, the active one selected", () => {
    const html = render(1);
    expect(html.match(/role="option"/g)).toHaveLength(2);
    expect(html).toContain(`id="${optionId("palette", 0)}" role="option" aria-selected="false"`);
    expect(html).toContain(`id="${optionId("palette", 1)}" role="option" aria-selected="true"`);
  });

  it("says what kind each result is and marks the one that leaves Bosun", () => {
    const html = render(0);
    expect(html).toContain(">Release<");
    expect(html).toContain(">web@2.31.0<");
    expect(html).toContain(">Jira<");
    expect(html).toContain('opens Jira<span class="sr-only"> (another site)</span>');
  });
});
