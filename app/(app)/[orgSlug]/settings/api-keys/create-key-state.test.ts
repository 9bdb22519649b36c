import { describe, expect, it } from "vitest";
import { EMPTY_KEY_VALUES, readCreateKeyForm, withFormValues } from "./create-key-state";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

describe("the create form's state", () => {
  it("reads the fields as text, with defaults for missing ones", () => {
    expect(readCreateKeyForm(form({ orgSlug: "acme", name: "CI", scope: "read_write", role: "admin" }))).toEqual({
      orgSlug: "acme",
      values: { name: "CI", scope: "read_write", role: "admin" },
    });
    expect(readCreateKeyForm(form({}))).toEqual({ orgSlug: "", values: EMPTY_KEY_VALUES });
  });

  it("ignores a file sent in place of a field", () => {
    const data = form({ orgSlug: "acme" });
    data.append("name", new Blob(["x"]), "name.txt");
    expect(readCreateKeyForm(data).values.name).toBe("");
  });

  it("empties the form after a key is made and keeps the values after a refusal", () => {
    const sent = { name: "CI", scope: "read", role: "admin" };
    const created = { status: "succeeded" as const, message: "m", key: "bsn_x", prefix: "bsn_x", name: "CI" };
    expect(withFormValues({ ok: true, data: created }, sent)).toEqual({
      ok: true,
      data: created,
      values: EMPTY_KEY_VALUES,
    });
    expect(withFormValues({ ok: false, error: "role: too high" }, sent)).toEqual({
      ok: false,
      error: "role: too high",
      values: sent,
    });
  });
});
