import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SubmitButton } from "./submit-button";

const LOOK = "text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";

describe("SubmitButton", () => {
  it("sends its form and keeps the primary look", () => {
    expect(renderToStaticMarkup(<SubmitButton>Invite</SubmitButton>)).toBe(
      `<button type="submit" class="rounded-md bg-brand-600 px-4 py-1.5 ${LOOK}">Invite</button>`,
    );
  });

  it("while its action runs it is disabled and says what it is doing", () => {
    const html = renderToStaticMarkup(
      <SubmitButton pending pendingLabel="Inviting…">
        Invite
      </SubmitButton>,
    );
    expect(html).toBe(
      `<button type="submit" disabled="" class="rounded-md bg-brand-600 px-4 py-1.5 ${LOOK}">Inviting…</button>`,
    );
  });

  it("without a pending label it keeps its own while disabled; disabled also holds when not pending", () => {
    expect(renderToStaticMarkup(<SubmitButton pending>Save</SubmitButton>)).toMatch(
      / disabled=""[^>]*>Save<\/button>$/,
    );
    expect(renderToStaticMarkup(<SubmitButton disabled>Save</SubmitButton>)).toMatch(
      / disabled=""[^>]*>Save<\/button>$/,
    );
  });

  it("sizes and a leading class, and a plain button that runs a panel's action", () => {
    expect(renderToStaticMarkup(<SubmitButton size="sm">Reassign</SubmitButton>)).toContain(
      `class="rounded-md bg-brand-600 px-3 py-1 ${LOOK}"`,
    );
    expect(
      renderToStaticMarkup(
        <SubmitButton type="button" size="lg" className="w-full">
          Preview
        </SubmitButton>,
      ),
    ).toBe(`<button type="button" class="w-full rounded-md bg-brand-600 px-4 py-2 ${LOOK}">Preview</button>`);
  });
});
