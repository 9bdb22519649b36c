import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";

const render = (props: Partial<ConfirmDialogProps> = {}) =>
  renderToStaticMarkup(
    <ConfirmDialog
      title="Remove Ada Lovelace from this organization?"
      description="They lose access at once."
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      onConfirm={() => {}}
      trigger={(open) => (
        <button type="button" onClick={open}>
          Remove
        </button>
      )}
      {...props}
    />,
  );

const attribute = (html: string, element: string, name: string) =>
  new RegExp(`<${element}[^>]* ${name}="([^"]*)"`).exec(html)?.[1];

describe("ConfirmDialog", () => {
  it("renders its trigger and a closed native dialog named by its question and described by its sentence", () => {
    const html = render();
    expect(html.startsWith('<button type="button">Remove</button><dialog')).toBe(true);
    expect(html).not.toMatch(/<dialog[^>]* open/);
    const labelledBy = attribute(html, "dialog", "aria-labelledby");
    const describedBy = attribute(html, "dialog", "aria-describedby");
    expect(html).toContain(`<h2 id="${labelledBy}" class="mb-2 text-lg font-semibold">Remove Ada Lovelace`);
    expect(html).toMatch(new RegExp(`<div id="${describedBy}"[^>]*>They lose access at once.</div>`));
  });

  it("offers Cancel first and a confirm button that says what it does, in the destructive style", () => {
    const html = render();
    const buttons = [...html.matchAll(/<button[^>]*class="([^"]*)"[^>]*>([^<]*)<\/button>/g)];
    expect(buttons.map((b) => b[2])).toEqual(["Cancel", "Remove member"]);
    expect(buttons[1]?.[1]).toContain("bg-red-600");
    expect(html).not.toContain(' disabled=""');
  });

  it("while the action runs, both buttons are disabled and the confirm button says what is happening", () => {
    const html = render({ pending: true });
    expect(html).toMatch(/<button type="button"[^>]* disabled=""[^>]*>Cancel<\/button>/);
    expect(html).toMatch(/<button type="button"[^>]* disabled=""[^>]*>Removing…<\/button>/);
  });

  it("a confirmation that takes nothing away uses the primary look", () => {
    const html = render({ tone: "default", confirmLabel: "Replace with a fresh draft" });
    expect(html).toMatch(/class="rounded-md bg-brand-600[^"]*"[^>]*>Replace with a fresh draft<\/button>/);
  });

  it("gives each dialog its own ids, so several on one page do not share a name", () => {
    const html = renderToStaticMarkup(
      <>
        <ConfirmDialog title="A?" description="a" confirmLabel="A" onConfirm={() => {}} trigger={() => null} />
        <ConfirmDialog title="B?" description="b" confirmLabel="B" onConfirm={() => {}} trigger={() => null} />
      </>,
    );
    const ids = [...html.matchAll(/aria-labelledby="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(2);
  });
});
