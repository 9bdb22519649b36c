import { describe, expect, it } from "vitest";
import { erasureSubject, mentionNeedles, pseudonymiseJson, pseudonymiseText } from "./pseudonymise";

const barbara = erasureSubject({
  name: "Barbara Liskov",
  email: "barbara@acme.test",
  pseudonym: "Former member 0a1b2c3d4e",
});

describe("pseudonymiseText", () => {
  it("replaces the full name and the e-mail address, and folds 'name (e-mail)' into one pseudonym", () => {
    expect(pseudonymiseText("Removed Barbara Liskov (barbara@acme.test) from Acme", barbara)).toEqual({
      text: "Removed Former member 0a1b2c3d4e from Acme",
      changed: true,
    });
    expect(pseudonymiseText("barbara@acme.test", barbara)).toEqual({ text: "Former member 0a1b2c3d4e", changed: true });
  });

  it("matches regardless of case, since e-mail addresses and typed names vary in case", () => {
    expect(pseudonymiseText("Signed in as BARBARA@Acme.Test; welcome barbara liskov", barbara).text).toBe(
      "Signed in as Former member 0a1b2c3d4e; welcome Former member 0a1b2c3d4e",
    );
  });

  it("leaves text that only contains the name inside a longer word or address untouched", () => {
    const ken = erasureSubject({ name: "Ken", email: "ken@acme.test", pseudonym: "Former member ffffffffff" });
    expect(pseudonymiseText("Kenneth reviewed the token; xken@acme.test is someone else", ken)).toEqual({
      text: "Kenneth reviewed the token; xken@acme.test is someone else",
      changed: false,
    });
    expect(pseudonymiseText("Thanks, Ken.", ken).text).toBe("Thanks, Former member ffffffffff.");
  });

  it("treats characters of regular expressions in a name as plain text", () => {
    const odd = erasureSubject({ name: "A.B (QA)+", email: "a.b+qa@acme.test", pseudonym: "Former member 1111111111" });
    expect(pseudonymiseText("A.B (QA)+ and a.b+qa@acme.test, not AxB (QA)", odd).text).toBe(
      "Former member 1111111111 and Former member 1111111111, not AxB (QA)",
    );
  });

  it("reports no change for text that does not mention the person", () => {
    expect(pseudonymiseText("Changed Linus Torvalds's role", barbara)).toEqual({
      text: "Changed Linus Torvalds's role",
      changed: false,
    });
  });
});

describe("mentionNeedles", () => {
  it("lists the lower-cased name and e-mail, longest first, skipping names too short to find safely", () => {
    expect(mentionNeedles(barbara)).toEqual(["barbara@acme.test", "barbara liskov"]);
    expect(mentionNeedles(erasureSubject({ name: " Al ", email: "al@acme.test", pseudonym: "P" }))).toEqual([
      "al@acme.test",
    ]);
    expect(mentionNeedles(erasureSubject({ name: "ada@acme.test", email: "ADA@acme.test", pseudonym: "P" }))).toEqual([
      "ada@acme.test",
    ]);
  });
});

describe("pseudonymiseJson", () => {
  it("rewrites every string and key in nested objects and arrays, leaving other values as they are", () => {
    const before = {
      summary: "Invited barbara@acme.test",
      args: { email: "barbara@acme.test", role: "member", count: 2, ok: true, none: null },
      people: ["Barbara Liskov", "Linus Torvalds"],
      "barbara@acme.test": 1,
    };
    const { value, changed } = pseudonymiseJson(before, barbara);
    expect(changed).toBe(true);
    expect(value).toEqual({
      summary: "Invited Former member 0a1b2c3d4e",
      args: { email: "Former member 0a1b2c3d4e", role: "member", count: 2, ok: true, none: null },
      people: ["Former member 0a1b2c3d4e", "Linus Torvalds"],
      "Former member 0a1b2c3d4e": 1,
    });
    expect(before.args.email).toBe("barbara@acme.test");
  });

  it("reports no change when nothing mentions the person", () => {
    const untouched = { role: { from: "member", to: "manager" } };
    expect(pseudonymiseJson(untouched, barbara)).toEqual({ value: untouched, changed: false });
    expect(pseudonymiseJson(null, barbara)).toEqual({ value: null, changed: false });
  });
});
