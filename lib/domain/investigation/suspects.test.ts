import { describe, expect, it } from "vitest";
import {
  commitsMatchingPath,
  releasesToSearch,
  suspectCommitsFromReleases,
  tokenizePath,
  trailingMatchLength,
  type ReleaseCommit,
} from "./suspects";
import type { ReportFrame } from "./types";

const frame = (filename: string, inApp = true, fn = "fn"): ReportFrame => ({
  filename,
  absPath: null,
  module: null,
  function: fn,
  lineNo: 1,
  colNo: 1,
  inApp,
});

const commit = (id: string, files: string[], extra: Partial<ReleaseCommit> = {}): ReleaseCommit => ({
  id,
  message: `commit ${id}`,
  author: { name: `Author ${id}`, email: `${id}@acme.test` },
  dateCreated: "2026-11-01T00:00:00Z",
  release: "1.0.0",
  files,
  ...extra,
});

describe("releasesToSearch", () => {
  const releases = [
    { version: "1.0.0", dateReleased: "2026-01-01T00:00:00Z", dateCreated: "2026-01-01T00:00:00Z" },
    { version: "1.1.0", dateReleased: null, dateCreated: "2026-02-01T00:00:00Z" },
    { version: "1.2.0", dateReleased: "2026-03-01T00:00:00Z", dateCreated: "2026-02-20T00:00:00Z" },
    { version: "1.3.0", dateReleased: "2026-04-01T00:00:00Z", dateCreated: "2026-04-01T00:00:00Z" },
    { version: "1.4.0", dateReleased: "2026-05-01T00:00:00Z", dateCreated: "2026-05-01T00:00:00Z" },
    { version: "1.5.0", dateReleased: "2026-06-01T00:00:00Z", dateCreated: "2026-06-01T00:00:00Z" },
    { version: "1.6.0", dateReleased: "2026-07-01T00:00:00Z", dateCreated: "2026-07-01T00:00:00Z" },
  ];

  it("takes the first release and the four before it, by release date or else creation date", () => {
    expect(releasesToSearch("1.5.0", releases)).toEqual(["1.5.0", "1.4.0", "1.3.0", "1.2.0", "1.1.0"]);
  });

  it("takes fewer near the oldest release, none without a first release, and the release alone when unknown", () => {
    expect(releasesToSearch("1.1.0", releases)).toEqual(["1.1.0", "1.0.0"]);
    expect(releasesToSearch(null, releases)).toEqual([]);
    expect(releasesToSearch("9.9.9", releases)).toEqual(["9.9.9"]);
  });

  it("orders by COALESCE(dateReleased, dateCreated), not by the list's order", () => {
    const shuffled = [releases[3], releases[0], releases[6], releases[2], releases[1]].filter((r) => r !== undefined);
    expect(releasesToSearch("1.3.0", shuffled)).toEqual(["1.3.0", "1.2.0", "1.1.0", "1.0.0"]);
  });
});

describe("path matching", () => {
  it("splits on either separator, drops empty and dot segments and URL schemes", () => {
    expect(tokenizePath("app:///src/./checkout//cart.ts")).toEqual(["cart.ts", "checkout", "src"]);
    expect(tokenizePath("C:\\work\\src\\a.py")).toEqual(["a.py", "src", "work", "C:"]);
  });

  it("counts the trailing segments two paths share", () => {
    expect(trailingMatchLength("src/checkout/cart.ts", "/app/src/checkout/cart.ts")).toBe(3);
    expect(trailingMatchLength("lib/checkout/cart.ts", "src/checkout/cart.ts")).toBe(2);
    expect(trailingMatchLength("src/checkout/cart.ts", "src/checkout/basket.ts")).toBe(0);
  });

  it("keeps only the longest matches, ties included", () => {
    const commits = [
      commit("a", ["src/checkout/cart.ts"]),
      commit("b", ["lib/checkout/cart.ts"]),
      commit("c", ["x/src/checkout/cart.ts"]),
    ];
    expect(commitsMatchingPath(commits, "/app/src/checkout/cart.ts").map((m) => m.commit.id)).toEqual(["a", "c"]);
  });

  it("ignores a file-name-only match when the changed path is longer, but not a bare changed file name", () => {
    expect(commitsMatchingPath([commit("a", ["lib/other/index.ts"])], "src/checkout/index.ts")).toEqual([]);
    expect(commitsMatchingPath([commit("a", ["index.ts"])], "src/checkout/index.ts").map((m) => m.commit.id)).toEqual([
      "a",
    ]);
  });
});

describe("suspectCommitsFromReleases", () => {
  const frames = [
    frame("node_modules/next/dist/server/app-render.js", false, "render"),
    frame("src/api/orders/handler.ts", true, "handleOrder"),
    frame("src/checkout/cart.ts", true, "addItem"),
  ];

  it("scores the commit touching the innermost in-app frame highest, and says why", () => {
    const suspects = suspectCommitsFromReleases(frames, [
      commit("outer", ["src/api/orders/handler.ts"], { release: "1.1.0" }),
      commit("inner", ["src/checkout/cart.ts", "README.md"], { release: "1.2.0" }),
      commit("unrelated", ["docs/intro.md"]),
    ]);
    expect(suspects.map((s) => [s.id, s.score])).toEqual([
      ["inner", 5],
      ["outer", 4],
    ]);
    expect(suspects[0]?.why).toBe("In release 1.2.0: changed src/checkout/cart.ts, in-app frame 1 (addItem).");
    expect(suspects[0]?.source).toBe("release-files");
    expect(suspects[0]?.author).toEqual({ name: "Author inner", email: "inner@acme.test" });
  });

  it("adds up points when one commit matches several frames", () => {
    const suspects = suspectCommitsFromReleases(frames, [
      commit("both", ["src/api/orders/handler.ts", "src/checkout/cart.ts"]),
    ]);
    expect(suspects).toHaveLength(1);
    expect(suspects[0]?.score).toBe(9);
  });

  it("never matches library frames and spends at most 5, 4, 3, 2, 1 points", () => {
    const library = suspectCommitsFromReleases(frames, [
      commit("lib", ["node_modules/next/dist/server/app-render.js"]),
    ]);
    expect(library).toEqual([]);
    const many = Array.from({ length: 7 }, (_, i) => commit(`c${i}`, ["src/checkout/cart.ts"]));
    const scored = suspectCommitsFromReleases(frames, many, 10);
    expect(scored.map((s) => s.score)).toEqual([5, 4, 3, 2, 1]);
  });

  it("orders by score and honours the limit", () => {
    const suspects = suspectCommitsFromReleases(
      [frame("src/a.ts"), frame("src/b.ts")],
      [
        commit("old", ["src/b.ts"], { dateCreated: "2026-01-01T00:00:00Z" }),
        commit("new", ["src/b.ts"], { dateCreated: "2026-02-01T00:00:00Z" }),
      ],
      1,
    );
    expect(suspects.map((s) => s.id)).toEqual(["old"]);
  });

  it("finds nothing without in-app frames or commits", () => {
    expect(suspectCommitsFromReleases([], [commit("a", ["src/a.ts"])])).toEqual([]);
    expect(suspectCommitsFromReleases(frames, [])).toEqual([]);
  });
});
