import { describe, expect, it } from "vitest";
import { generateReleaseNotes } from "./generate";
import { markdownToHtml } from "./markdown-to-html";
import type { KnownIssue, ReleaseIssue, ReleaseNotesInput } from "./types";

const BROWSE = "https://acme.atlassian.net/browse";
const ref = (key: string) => `([${key}](${BROWSE}/${key}))`;

function issue(overrides: Partial<ReleaseIssue> = {}): ReleaseIssue {
  return {
    key: "ACME-1",
    summary: "Change",
    type: "Story",
    statusName: "Done",
    statusCategory: "done",
    labels: [],
    components: [],
    epic: null,
    ...overrides,
  };
}

function input(overrides: Partial<ReleaseNotesInput> = {}): ReleaseNotesInput {
  return {
    version: "2.14.0",
    releaseDate: "2026-11-12",
    released: true,
    jiraBrowseUrl: BROWSE,
    issues: [],
    health: null,
    knownIssues: [],
    ...overrides,
  };
}

function known(overrides: Partial<KnownIssue> = {}): KnownIssue {
  return {
    shortId: "WEB-1",
    title: "TypeError: x is undefined",
    permalink: "https://sentry.io/organizations/acme/issues/1/",
    users: 10,
    events: 20,
    ...overrides,
  };
}

/** The lines of one `## ` section, without its heading and the blank lines around it. */
function section(markdown: string, title: string): string[] | null {
  const start = markdown.indexOf(`## ${title}\n`);
  if (start === -1) return null;
  const rest = markdown.slice(start + title.length + 4);
  const end = rest.search(/^## /m);
  return (end === -1 ? rest : rest.slice(0, end)).split("\n").filter((line) => line !== "");
}

describe("generateReleaseNotes: document", () => {
  it("writes title, release line and sections in order", () => {
    const notes = generateReleaseNotes(
      input({
        issues: [
          issue({ key: "ACME-3", summary: "Fix login", type: "Bug", components: ["Platform"] }),
          issue({ key: "ACME-2", summary: "Faster search", type: "Task", components: ["Platform"] }),
          issue({ key: "ACME-1", summary: "Dark mode", type: "Story", components: ["Platform"] }),
        ],
      }),
    );
    expect(notes.title).toBe("Release 2.14.0");
    expect(notes.markdown).toBe(
      [
        "# Release 2.14.0",
        "",
        "_Released 2026-11-12_",
        "",
        "## New features",
        "",
        "### Platform",
        "",
        `- Dark mode ${ref("ACME-1")}`,
        "",
        "## Improvements",
        "",
        "### Platform",
        "",
        `- Faster search ${ref("ACME-2")}`,
        "",
        "## Bug fixes",
        "",
        "### Platform",
        "",
        `- Fix login ${ref("ACME-3")}`,
        "",
      ].join("\n"),
    );
    expect(notes.counts).toEqual({ features: 1, improvements: 1, fixes: 1, excluded: 0, notDone: 0 });
  });

  it("leaves out empty sections", () => {
    const { markdown } = generateReleaseNotes(input({ issues: [issue({ type: "Bug" })] }));
    expect(markdown).toContain("## Bug fixes");
    expect(markdown).not.toContain("## New features");
    expect(markdown).not.toContain("## Improvements");
  });

  it("sorts types into sections: Story, New Feature, Feature are features; Bug a fix; any other type an improvement", () => {
    const { markdown, counts } = generateReleaseNotes(
      input({
        issues: [
          issue({ key: "ACME-1", type: "Story", summary: "s" }),
          issue({ key: "ACME-2", type: "New Feature", summary: "nf" }),
          issue({ key: "ACME-3", type: "Feature", summary: "f" }),
          issue({ key: "ACME-4", type: "Task", summary: "t" }),
          issue({ key: "ACME-5", type: "Improvement", summary: "i" }),
          issue({ key: "ACME-6", type: "Spike", summary: "sp" }),
          issue({ key: "ACME-7", type: "Bug", summary: "b" }),
        ],
      }),
    );
    expect(section(markdown, "New features")).toEqual([
      `- s ${ref("ACME-1")}`,
      `- nf ${ref("ACME-2")}`,
      `- f ${ref("ACME-3")}`,
    ]);
    expect(section(markdown, "Improvements")).toEqual([
      `- t ${ref("ACME-4")}`,
      `- i ${ref("ACME-5")}`,
      `- sp ${ref("ACME-6")}`,
    ]);
    expect(section(markdown, "Bug fixes")).toEqual([`- b ${ref("ACME-7")}`]);
    expect(counts).toMatchObject({ features: 3, improvements: 3, fixes: 1 });
  });

  it("never lists epics or subtasks, and does not count them", () => {
    const { markdown, counts } = generateReleaseNotes(
      input({
        issues: [
          issue({ key: "ACME-1", type: "Epic", summary: "Big theme" }),
          issue({
            key: "ACME-2",
            type: "Subtask",
            summary: "Backend changes",
            statusCategory: "indeterminate",
            statusName: "In Progress",
          }),
          issue({ key: "ACME-3", type: "Sub-task", summary: "Write tests" }),
          issue({ key: "ACME-4", type: "Story", summary: "The story" }),
        ],
      }),
      { variant: "customer", hideKeysForCustomers: false },
    );
    expect(markdown).not.toMatch(/Big theme|Backend changes|Write tests/);
    expect(markdown).toContain(`- The story ${ref("ACME-4")}`);
    expect(counts).toEqual({ features: 1, improvements: 0, fixes: 0, excluded: 0, notDone: 0 });
  });

  it("says so when nothing is listed", () => {
    const { markdown, counts } = generateReleaseNotes(input({ issues: [issue({ type: "Epic" })] }));
    expect(markdown).toBe("# Release 2.14.0\n\n_Released 2026-11-12_\n\nNo changes are listed for this release.\n");
    expect(counts).toEqual({ features: 0, improvements: 0, fixes: 0, excluded: 0, notDone: 0 });
  });

  it("ends with exactly one newline", () => {
    const { markdown } = generateReleaseNotes(input({ issues: [issue()], knownIssues: [known()] }));
    expect(markdown.endsWith("\n")).toBe(true);
    expect(markdown.endsWith("\n\n")).toBe(false);
  });
});

describe("generateReleaseNotes: groups", () => {
  it("groups by first component, groups by name with Other last, items by key number", () => {
    const { markdown } = generateReleaseNotes(
      input({
        issues: [
          issue({ key: "ACME-10", summary: "ten", components: ["Platform", "Billing"] }),
          issue({ key: "ACME-2", summary: "two", components: ["Platform"] }),
          issue({ key: "ACME-7", summary: "seven", components: [] }),
          issue({ key: "ACME-1", summary: "one", components: ["billing"] }),
          issue({ key: "ACME-3", summary: "three", components: ["Infrastructure"] }),
        ],
      }),
    );
    expect(section(markdown, "New features")).toEqual([
      "### billing",
      `- one ${ref("ACME-1")}`,
      "### Infrastructure",
      `- three ${ref("ACME-3")}`,
      "### Platform",
      `- two ${ref("ACME-2")}`,
      `- ten ${ref("ACME-10")}`,
      "### Other",
      `- seven ${ref("ACME-7")}`,
    ]);
  });

  it("sorts keys of several projects by project, then number", () => {
    const { markdown } = generateReleaseNotes(
      input({ issues: ["PORT-2", "ACME-11", "HULL-1", "ACME-9"].map((key) => issue({ key, summary: key })) }),
    );
    expect(section(markdown, "New features")).toEqual(
      ["ACME-9", "ACME-11", "HULL-1", "PORT-2"].map((key) => `- ${key} ${ref(key)}`),
    );
  });

  it("writes no heading when every item of a section would be under Other", () => {
    const { markdown } = generateReleaseNotes(input({ issues: [issue({ key: "ACME-2" }), issue({ key: "ACME-1" })] }));
    expect(section(markdown, "New features")).toEqual([`- Change ${ref("ACME-1")}`, `- Change ${ref("ACME-2")}`]);
  });

  it("groups by epic summary when asked, with Other for issues outside an epic", () => {
    const onboarding = { key: "ACME-50", summary: "Self-serve onboarding" };
    const { markdown } = generateReleaseNotes(
      input({
        issues: [
          issue({ key: "ACME-3", summary: "c", components: ["Zeta"], epic: onboarding }),
          issue({
            key: "ACME-1",
            summary: "a",
            components: ["Alpha"],
            epic: { key: "ACME-60", summary: "Reporting overhaul" },
          }),
          issue({ key: "ACME-2", summary: "b", components: ["Alpha"], epic: null }),
          issue({ key: "ACME-4", summary: "d", epic: { key: "ACME-70", summary: "  " } }),
        ],
      }),
      { groupBy: "epic" },
    );
    expect(section(markdown, "New features")).toEqual([
      "### Reporting overhaul",
      `- a ${ref("ACME-1")}`,
      "### Self-serve onboarding",
      `- c ${ref("ACME-3")}`,
      "### Other",
      `- b ${ref("ACME-2")}`,
      `- d ${ref("ACME-4")}`,
    ]);
  });

  it("escapes group names", () => {
    const { markdown } = generateReleaseNotes(input({ issues: [issue({ components: ["<UI>_kit"] })] }));
    expect(markdown).toContain("### \\<UI\\>\\_kit\n");
  });
});

describe("generateReleaseNotes: variants", () => {
  const mixed = [
    issue({ key: "ACME-1", summary: "Shipped", labels: ["customer"] }),
    issue({ key: "ACME-2", summary: "Half done", statusName: "In Review", statusCategory: "indeterminate" }),
    issue({ key: "ACME-3", summary: "Not started", type: "Bug", statusName: "To Do", statusCategory: "new" }),
    issue({ key: "ACME-4", summary: "Refactor", type: "Task", labels: ["Tech-Debt"] }),
    issue({
      key: "ACME-5",
      summary: "Hidden WIP",
      statusName: "In Progress",
      statusCategory: "indeterminate",
      labels: ["internal"],
    }),
  ];

  it("internal lists every issue and marks the unfinished ones with their status", () => {
    const { markdown, counts } = generateReleaseNotes(input({ issues: mixed }), { variant: "internal" });
    expect(section(markdown, "New features")).toEqual([
      `- Shipped ${ref("ACME-1")}`,
      `- Half done ${ref("ACME-2")} — *not done: In Review*`,
      `- Hidden WIP ${ref("ACME-5")} — *not done: In Progress*`,
    ]);
    expect(section(markdown, "Improvements")).toEqual([`- Refactor ${ref("ACME-4")}`]);
    expect(section(markdown, "Bug fixes")).toEqual([`- Not started ${ref("ACME-3")} — *not done: To Do*`]);
    expect(counts).toEqual({ features: 3, improvements: 1, fixes: 1, excluded: 0, notDone: 3 });
  });

  it("customer lists only done issues without an excluded label (compared case-insensitively)", () => {
    const { markdown, counts } = generateReleaseNotes(input({ issues: mixed }), { variant: "customer" });
    expect(section(markdown, "New features")).toEqual(["- Shipped"]);
    expect(section(markdown, "Improvements")).toBeNull();
    expect(section(markdown, "Bug fixes")).toBeNull();
    expect(markdown).not.toContain("not done");
    // ACME-5 is both unfinished and labelled: it counts as not done, as in the internal variant.
    expect(counts).toEqual({ features: 1, improvements: 0, fixes: 0, excluded: 1, notDone: 3 });
  });

  it("customer takes the excluded labels from the options", () => {
    const { markdown, counts } = generateReleaseNotes(input({ issues: mixed }), {
      variant: "customer",
      excludedLabels: ["CUSTOMER"],
    });
    expect(section(markdown, "New features")).toBeNull();
    expect(section(markdown, "Improvements")).toEqual(["- Refactor"]);
    expect(counts).toMatchObject({ features: 0, improvements: 1, excluded: 1 });
  });

  it("customer hides keys by default and shows them when hideKeysForCustomers is false", () => {
    const issues = [issue({ key: "ACME-1", summary: "Shipped" })];
    expect(section(generateReleaseNotes(input({ issues }), { variant: "customer" }).markdown, "New features")).toEqual([
      "- Shipped",
    ]);
    expect(
      section(
        generateReleaseNotes(input({ issues }), { variant: "customer", hideKeysForCustomers: false }).markdown,
        "New features",
      ),
    ).toEqual([`- Shipped ${ref("ACME-1")}`]);
  });

  it("internal always shows keys", () => {
    const { markdown } = generateReleaseNotes(input({ issues: [issue()] }), {
      variant: "internal",
      hideKeysForCustomers: true,
    });
    expect(markdown).toContain(ref("ACME-1"));
  });

  it("defaults to the internal variant", () => {
    expect(generateReleaseNotes(input({ issues: mixed })).counts.features).toBe(3);
  });

  it("escapes the status name and copes with a blank one", () => {
    const { markdown } = generateReleaseNotes(
      input({
        issues: [
          issue({ key: "ACME-1", statusName: "QA_*blocked*", statusCategory: "indeterminate" }),
          issue({ key: "ACME-2", statusName: "", statusCategory: "new" }),
        ],
      }),
    );
    expect(markdown).toContain(`— *not done: QA\\_\\*blocked\\**\n`);
    expect(markdown).toContain(`${ref("ACME-2")} — *not done*\n`);
  });
});

describe("generateReleaseNotes: release line", () => {
  const line = (overrides: Partial<ReleaseNotesInput>, variant: "internal" | "customer") =>
    generateReleaseNotes(input({ issues: [issue()], ...overrides }), { variant }).markdown.split("\n")[2];

  it("gives the date of a released version in both variants", () => {
    expect(line({ released: true, releaseDate: "2026-11-12" }, "internal")).toBe("_Released 2026-11-12_");
    expect(line({ released: true, releaseDate: "2026-11-12" }, "customer")).toBe("_Released 2026-11-12_");
  });

  it("says released without a date when Jira has none", () => {
    expect(line({ released: true, releaseDate: null }, "internal")).toBe("_Released_");
    expect(line({ released: true, releaseDate: " " }, "customer")).toBe("_Released_");
  });

  it("tells the team an unreleased version is not out yet, with the planned date if any", () => {
    expect(line({ released: false, releaseDate: null }, "internal")).toBe("_Not released yet_");
    expect(line({ released: false, releaseDate: "2026-11-19" }, "internal")).toBe(
      "_Not released yet (planned for 2026-11-19)_",
    );
  });

  it("writes no release line for customers before the release", () => {
    const { markdown } = generateReleaseNotes(
      input({ issues: [issue()], released: false, releaseDate: "2026-11-19" }),
      { variant: "customer" },
    );
    expect(markdown.startsWith("# Release 2.14.0\n\n## New features\n")).toBe(true);
    expect(markdown).not.toContain("2026-11-19");
  });

  it("returns the plain title and escapes it in the heading", () => {
    const notes = generateReleaseNotes(input({ version: "2.0.0_<rc1>" }));
    expect(notes.title).toBe("Release 2.0.0_<rc1>");
    expect(notes.markdown.split("\n")[0]).toBe("# Release 2.0.0\\_\\<rc1\\>");
  });
});

describe("generateReleaseNotes: release health", () => {
  const health = { crashFreeSessions: 97.5234, crashFreeUsers: 99.996, adoption: 16.349, sessions: 312794 };

  it("lists the rates and sessions", () => {
    const { markdown } = generateReleaseNotes(input({ health }));
    expect(section(markdown, "Release health")).toEqual([
      "- Crash-free sessions: 97.52%",
      "- Crash-free users: 99.99%",
      "- Adoption: 16.3% of sessions",
      "- Sessions: 312,794",
    ]);
  });

  it("says no data for missing rates", () => {
    const { markdown } = generateReleaseNotes(
      input({ health: { crashFreeSessions: null, crashFreeUsers: null, adoption: null, sessions: 0 } }),
    );
    expect(section(markdown, "Release health")).toEqual([
      "- Crash-free sessions: no data",
      "- Crash-free users: no data",
      "- Adoption: no data",
      "- Sessions: 0",
    ]);
  });

  it("appears in the customer variant too", () => {
    expect(generateReleaseNotes(input({ health }), { variant: "customer" }).markdown).toContain("## Release health");
  });

  it("is left out without health data", () => {
    expect(generateReleaseNotes(input({ health: null })).markdown).not.toContain("Release health");
  });

  it("comes after the changes and before known issues", () => {
    const { markdown } = generateReleaseNotes(
      input({ issues: [issue({ type: "Bug" })], health, knownIssues: [known()] }),
    );
    const order = ["## Bug fixes", "## Release health", "## Known issues"].map((heading) => markdown.indexOf(heading));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe("generateReleaseNotes: known issues", () => {
  const issues = [
    known({ shortId: "WEB-1", title: "few users", users: 3, events: 900 }),
    known({ shortId: "API-2", title: "most users", users: 500, events: 10 }),
    known({ shortId: "API-3", title: "tie, more events", users: 40, events: 80 }),
    known({ shortId: "API-4", title: "tie, fewer events", users: 40, events: 50 }),
    known({ shortId: "WEB-5", title: "one user", users: 1, events: 1 }),
    known({ shortId: "WEB-6", title: "nobody", users: 0, events: 2 }),
  ];

  it("internal lists the most affecting first, with ids, links and numbers, at most maxKnownIssues", () => {
    const { markdown } = generateReleaseNotes(input({ knownIssues: issues }), { maxKnownIssues: 5 });
    const link = "https://sentry.io/organizations/acme/issues/1/";
    expect(section(markdown, "Known issues")).toEqual([
      `- most users ([API-2](${link})) — 500 users, 10 events`,
      `- tie, more events ([API-3](${link})) — 40 users, 80 events`,
      `- tie, fewer events ([API-4](${link})) — 40 users, 50 events`,
      `- few users ([WEB-1](${link})) — 3 users, 900 events`,
      `- one user ([WEB-5](${link})) — 1 user, 1 event`,
    ]);
  });

  it("defaults to five", () => {
    expect(section(generateReleaseNotes(input({ knownIssues: issues })).markdown, "Known issues")).toHaveLength(5);
  });

  it("customer shows titles only, with no Sentry ids or links", () => {
    const { markdown } = generateReleaseNotes(input({ knownIssues: issues }), {
      variant: "customer",
      maxKnownIssues: 2,
    });
    expect(section(markdown, "Known issues")).toEqual(["- most users", "- tie, more events"]);
    expect(markdown).not.toMatch(/sentry\.io|API-2|users,/);
  });

  it("is left out when there are none or none may be shown", () => {
    expect(generateReleaseNotes(input({ knownIssues: [] })).markdown).not.toContain("Known issues");
    expect(generateReleaseNotes(input({ knownIssues: issues }), { maxKnownIssues: 0 }).markdown).not.toContain(
      "Known issues",
    );
  });

  it("escapes titles and uses thousands separators", () => {
    const { markdown } = generateReleaseNotes(
      input({ knownIssues: [known({ title: "Error in <App> [render] *boom*", users: 12345, events: 1234567 })] }),
    );
    expect(section(markdown, "Known issues")).toEqual([
      "- Error in \\<App\\> \\[render\\] \\*boom\\* ([WEB-1](https://sentry.io/organizations/acme/issues/1/)) — 12,345 users, 1,234,567 events",
    ]);
  });

  it("leaves the short id unlinked when the permalink is not http(s)", () => {
    const { markdown } = generateReleaseNotes(input({ knownIssues: [known({ permalink: "javascript:alert(1)" })] }));
    expect(section(markdown, "Known issues")).toEqual(["- TypeError: x is undefined (WEB-1) — 10 users, 20 events"]);
  });
});

describe("generateReleaseNotes: escaping and safety", () => {
  it("escapes Markdown in summaries so each stays one plain list item", () => {
    const { markdown } = generateReleaseNotes(
      input({ issues: [issue({ summary: "Support [links](x) in *notes* & `code`\n- and <b>html</b>" })] }),
    );
    expect(section(markdown, "New features")).toEqual([
      `- Support \\[links\\](x) in \\*notes\\* & \\\`code\\\` - and \\<b\\>html\\</b\\> ${ref("ACME-1")}`,
    ]);
  });

  it("renders hostile summaries and titles as text in the preview", () => {
    const { markdown } = generateReleaseNotes(
      input({
        issues: [
          issue({ summary: '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="alert(1)">' }),
        ],
        knownIssues: [known({ title: "<iframe src=//evil.test>" })],
      }),
    );
    const html = markdownToHtml(markdown);
    expect(html).not.toMatch(/<script|<img|<iframe|href="javascript/i);
    expect(html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) &lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
    );
  });

  it("does not link keys when the browse URL is not http(s)", () => {
    const { markdown } = generateReleaseNotes(input({ jiraBrowseUrl: "javascript:alert(1)//", issues: [issue()] }));
    expect(section(markdown, "New features")).toEqual(["- Change (ACME-1)"]);
  });

  it("tolerates a trailing slash on the browse URL", () => {
    const { markdown } = generateReleaseNotes(input({ jiraBrowseUrl: `${BROWSE}/`, issues: [issue()] }));
    expect(markdown).toContain(ref("ACME-1"));
  });
});

describe("generateReleaseNotes: purity", () => {
  const issues = [
    issue({ key: "ACME-3", components: ["B"] }),
    issue({ key: "ACME-1", components: ["A"], type: "Bug" }),
    issue({ key: "ACME-2", components: ["A"], statusCategory: "new", statusName: "To Do" }),
  ];
  const knownIssues = [known({ shortId: "A-1", users: 1 }), known({ shortId: "A-2", users: 2 })];

  it("does not change its input", () => {
    const data = input({ issues, knownIssues });
    const before = structuredClone(data);
    generateReleaseNotes(data, { variant: "customer", excludedLabels: ["x"] });
    expect(data).toEqual(before);
  });

  it("gives the same notes whatever order the issues come in", () => {
    const a = generateReleaseNotes(input({ issues, knownIssues }));
    const b = generateReleaseNotes(input({ issues: [...issues].reverse(), knownIssues: [...knownIssues].reverse() }));
    expect(b).toEqual(a);
  });
});
