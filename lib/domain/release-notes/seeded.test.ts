import { describe, expect, it } from "vitest";
import { generateReleaseNotes } from "./generate";
import { markdownToHtml } from "./markdown-to-html";
import { seededReleaseInput, seededVersions } from "@/test/fixtures/release-notes-input";

/**
 * Notes for real releases of the emulators' demo seed (acme, seed 42, fixed
 * `now`). 2.14.0 is released and the seed's crash regression, with more open
 * Sentry issues than the notes show; 2.15.0 is still rolling out and holds an
 * epic. The seed only puts finished work in a fixVersion, so "not done"
 * markers are covered by the unit tests instead.
 */
describe("release notes for the seeded demo data", () => {
  const regressed = seededReleaseInput("2.14.0");
  const rollingOut = seededReleaseInput("2.15.0");

  it("reads the seed as expected", () => {
    expect(regressed).toMatchObject({
      version: "2.14.0",
      released: true,
      releaseDate: "2026-11-12",
      jiraBrowseUrl: "https://acme.atlassian.net/browse",
    });
    expect(regressed.health?.sessions).toBeGreaterThan(0);
    expect(regressed.knownIssues.length).toBeGreaterThan(5);
    expect(rollingOut).toMatchObject({ released: false });
    expect(rollingOut.issues.some((i) => i.type === "Epic")).toBe(true);
  });

  it("2.14.0, internal", () => {
    const notes = generateReleaseNotes(regressed, { variant: "internal" });
    expect(notes.title).toBe("Release 2.14.0");
    expect(notes.counts).toEqual({ features: 3, improvements: 2, fixes: 1, excluded: 0, notDone: 0 });
    expect(notes.markdown).toMatchSnapshot();
  });

  it("2.14.0, customer", () => {
    const notes = generateReleaseNotes(regressed, { variant: "customer" });
    expect(notes.counts).toEqual({ features: 2, improvements: 1, fixes: 1, excluded: 2, notDone: 0 });
    expect(notes.markdown).toMatchSnapshot();
  });

  it("2.14.0, internal, previewed as HTML", () => {
    expect(markdownToHtml(generateReleaseNotes(regressed, { variant: "internal" }).markdown)).toMatchSnapshot();
  });

  it("2.15.0 by epic, internal", () => {
    const notes = generateReleaseNotes(rollingOut, { variant: "internal", groupBy: "epic" });
    expect(notes.counts).toEqual({ features: 8, improvements: 1, fixes: 3, excluded: 0, notDone: 0 });
    expect(notes.markdown).toMatchSnapshot();
  });

  it("2.15.0 by epic, customer with keys", () => {
    const notes = generateReleaseNotes(rollingOut, {
      variant: "customer",
      groupBy: "epic",
      hideKeysForCustomers: false,
    });
    expect(notes.counts).toEqual({ features: 6, improvements: 1, fixes: 0, excluded: 5, notDone: 0 });
    expect(notes.markdown).toMatchSnapshot();
  });

  it("renders every seeded release in both variants with listed + excluded + not done adding up", () => {
    for (const version of seededVersions()) {
      const data = seededReleaseInput(version);
      const internal = generateReleaseNotes(data, { variant: "internal" });
      const customer = generateReleaseNotes(data, { variant: "customer" });
      const listed = (c: typeof internal.counts) => c.features + c.improvements + c.fixes;
      expect(listed(customer.counts) + customer.counts.excluded + customer.counts.notDone).toBe(
        listed(internal.counts),
      );
      expect(customer.counts.notDone).toBe(internal.counts.notDone);
      expect(markdownToHtml(internal.markdown)).not.toMatch(/<(?!\/?(h[1-3]|p|ul|li|strong|em|code|a)\b)/);
    }
  });
});
