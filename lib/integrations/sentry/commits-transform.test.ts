import { describe, expect, it } from "vitest";
import {
  joinCommitFiles,
  toCommitFiles,
  toCommits,
  toSuspectsFromCommitters,
  toTagBreakdown,
} from "./commits-transform";

describe("toTagBreakdown", () => {
  it("maps Sentry's tag details and drops values without a value", () => {
    expect(
      toTagBreakdown({
        key: "browser",
        name: "Browser",
        totalValues: 10,
        topValues: [
          { key: "browser", name: "Chrome 131", value: "Chrome 131", count: 7, lastSeen: "2026-11-20T00:00:00Z" },
          { key: "browser", name: "x", value: null, count: 3 },
        ],
      }),
    ).toEqual({
      key: "browser",
      name: "Browser",
      totalValues: 10,
      topValues: [{ value: "Chrome 131", name: "Chrome 131", count: 7, lastSeen: "2026-11-20T00:00:00Z" }],
    });
    expect(toTagBreakdown({ nokey: true })).toBeNull();
  });
});

describe("release commits and their files", () => {
  const commits = toCommits([
    {
      id: "c1",
      message: "Fix cart",
      dateCreated: "2026-11-01T00:00:00Z",
      author: { name: "Grace", email: "Grace@acme.test" },
    },
    { id: "c2", message: "Docs", dateCreated: "2026-11-02T00:00:00Z", author: null },
    { message: "no id" },
  ]);
  const files = toCommitFiles([
    {
      filename: "src/checkout/cart.ts",
      commitMessage: "Fix cart",
      author: { name: "Grace", email: "grace@acme.test" },
    },
    { filename: "README.md", commitMessage: "Docs", author: {} },
    { commitMessage: "no filename" },
  ]);

  it("keeps well-formed commits and files", () => {
    expect(commits.map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(files.map((f) => f.filename)).toEqual(["src/checkout/cart.ts", "README.md"]);
  });

  it("joins files to commits on message and author e-mail (case-insensitive)", () => {
    expect(joinCommitFiles("2.14.0", commits, files)).toEqual([
      {
        id: "c1",
        message: "Fix cart",
        author: { name: "Grace", email: "Grace@acme.test" },
        dateCreated: "2026-11-01T00:00:00Z",
        release: "2.14.0",
        files: ["src/checkout/cart.ts"],
      },
      {
        id: "c2",
        message: "Docs",
        author: null,
        dateCreated: "2026-11-02T00:00:00Z",
        release: "2.14.0",
        files: ["README.md"],
      },
    ]);
  });
});

describe("toSuspectsFromCommitters", () => {
  it("lists each committer's commits once, with the release, score and why", () => {
    const suspects = toSuspectsFromCommitters({
      committers: [
        {
          author: { id: "1", name: "Grace Hopper", email: "grace@acme.test" },
          commits: [
            {
              id: "c1",
              message: "Fix cart",
              dateCreated: "2026-11-01T00:00:00Z",
              score: 3,
              suspectCommitType: "via commit in release",
              releases: [{ version: "2.14.0" }],
            },
            { id: "c1", message: "dup" },
          ],
        },
      ],
    });
    expect(suspects).toEqual([
      {
        id: "c1",
        message: "Fix cart",
        author: { name: "Grace Hopper", email: "grace@acme.test" },
        dateCreated: "2026-11-01T00:00:00Z",
        release: "2.14.0",
        score: null,
        source: "sentry-committers",
        why: "Sentry names it a suspect via commit in release (release 2.14.0): its changed files match 3 trailing path segments of an in-app frame.",
      },
    ]);
    expect(toSuspectsFromCommitters({ committers: "x" })).toEqual([]);
  });
});
