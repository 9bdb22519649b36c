import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxField, FIELD_CLASS, InputField, SelectField } from "./form-field";

describe("form fields", () => {
  it("a select field is a label holding its text and a menu, with an optional blank first option", () => {
    const html = renderToStaticMarkup(
      <SelectField
        label="Action"
        name="action"
        defaultValue=""
        blank="Any"
        options={["a", { value: "b", label: "Bee" }]}
      />,
    );
    expect(html).toBe(
      `<label class="text-sm font-medium">Action<select name="action" class="${FIELD_CLASS}">` +
        '<option value="" selected="">Any</option><option value="a">a</option><option value="b">Bee</option>' +
        "</select></label>",
    );
  });

  it("an input field passes its attributes to the box", () => {
    const html = renderToStaticMarkup(<InputField label="From" type="date" name="from" required />);
    expect(html).toMatch(/^<label class="text-sm font-medium">From<input [^>]*\/><\/label>$/);
    for (const attribute of ['type="date"', 'name="from"', 'required=""', `class="${FIELD_CLASS}"`])
      expect(html).toContain(attribute);
  });

  it("a checkbox comes before its label text", () => {
    const html = renderToStaticMarkup(
      <CheckboxField name="regressions" value="1" defaultChecked>
        Only regressions
      </CheckboxField>,
    );
    expect(html).toMatch(/^<label class="flex items-center gap-2 text-sm"><input [^>]*\/>Only regressions<\/label>$/);
    for (const attribute of ['type="checkbox"', 'class="h-4 w-4"', 'name="regressions"', 'value="1"', 'checked=""'])
      expect(html).toContain(attribute);
  });
});
