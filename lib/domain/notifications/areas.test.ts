import { describe, expect, it } from "vitest";
import { projectsOwnedBy } from "./areas";

describe("projectsOwnedBy", () => {
  const ruleSets = [
    { sentryProjectSlug: "web", raw: "path:src/checkout/* #payments\npath:src/berths/* Linus@Acme.test" },
    { sentryProjectSlug: "api", raw: "# comment naming linus@acme.test\npath:src/api/* #platform" },
    { sentryProjectSlug: "worker", raw: "src/jobs/ @acme/platform" },
    { sentryProjectSlug: "mobile", raw: "path:app/* grace@acme.test" },
  ];

  it("finds projects that name the person by e-mail (any case) or one of their teams", () => {
    expect(projectsOwnedBy({ ruleSets, email: "linus@acme.test", teamSlugs: [] })).toEqual(["web"]);
    expect(projectsOwnedBy({ ruleSets, email: "linus@acme.test", teamSlugs: ["platform"] })).toEqual([
      "web",
      "api",
      "worker",
    ]);
  });

  it("finds nothing for someone no rule names, and ignores comments", () => {
    expect(projectsOwnedBy({ ruleSets, email: "ada@acme.test", teamSlugs: ["cargo"] })).toEqual([]);
  });
});
