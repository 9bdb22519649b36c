import { describe, expect, it } from "vitest";
import { formatOwner, MAX_RULES_LENGTH, parseOwnershipRules } from "./rules";

describe("parseOwnershipRules", () => {
  it.each([
    [
      "path:src/checkout/* #payments",
      { type: "path", pattern: "src/checkout/*" },
      [{ type: "team", slug: "payments" }],
    ],
    [
      "module:checkout.* Alice@Acme.test",
      { type: "module", pattern: "checkout.*" },
      [{ type: "user", email: "alice@acme.test" }],
    ],
    [
      "url:https://shop.example.com/checkout* #payments",
      { type: "url", pattern: "https://shop.example.com/checkout*" },
      [{ type: "team", slug: "payments" }],
    ],
    [
      "tags.environment:prod* #platform",
      { type: "tag", tag: "environment", pattern: "prod*" },
      [{ type: "team", slug: "platform" }],
    ],
    [
      "tags.sentry:user.email:x #platform",
      { type: "tag", tag: "sentry", pattern: "user.email:x" },
      [{ type: "team", slug: "platform" }],
    ],
    ["src/* #payments", { type: "path", pattern: "src/*" }, [{ type: "team", slug: "payments" }]],
    [
      "src/checkout/ @acme/payments bob@acme.test",
      { type: "codeowners", pattern: "src/checkout/" },
      [
        { type: "team", slug: "payments" },
        { type: "user", email: "bob@acme.test" },
      ],
    ],
    [
      "codeowners:src/api/ #platform",
      { type: "codeowners", pattern: "src/api/" },
      [{ type: "team", slug: "platform" }],
    ],
    ["*.ts @octocat", { type: "codeowners", pattern: "*.ts" }, [{ type: "handle", handle: "octocat" }]],
    [
      'path:"src/my file.ts" #payments',
      { type: "path", pattern: "src/my file.ts" },
      [{ type: "team", slug: "payments" }],
    ],
    ['path:"a\\"b" #payments', { type: "path", pattern: 'a"b' }, [{ type: "team", slug: "payments" }]],
    ["PATH:src/* #Payments", { type: "path", pattern: "src/*" }, [{ type: "team", slug: "payments" }]],
    [
      "   path:src/*    #a   #b  ",
      { type: "path", pattern: "src/*" },
      [
        { type: "team", slug: "a" },
        { type: "team", slug: "b" },
      ],
    ],
  ])("%s", (line, matcher, owners) => {
    const { rules, errors } = parseOwnershipRules(line);
    expect(errors).toEqual([]);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.matcher).toEqual(matcher);
    expect(rules[0]!.owners).toEqual(owners);
    expect(rules[0]!.text).toBe(line.trim());
  });

  it.each([
    ["pth:src/* #payments", 'unknown rule type "pth"'],
    ["tags.:x #payments", "tags. needs a tag key"],
    ["path:src/*", "has no owners"],
    ["path: #payments", "no pattern"],
    ["path:src/* alice", '"alice" is neither an e-mail address nor a #team'],
    ["path:src/* #pay/ments", "is not a team"],
    ["path:src/* @alice", "@names are for CODEOWNERS entries"],
    ['path:"src/unterminated #payments', "no closing quote"],
    ["src/ @acme/", "is not a team"],
    [`path:${"a".repeat(501)} #payments`, "longer than 500 characters"],
  ])("reports %s", (line, message) => {
    const { rules, errors } = parseOwnershipRules(line);
    expect(rules).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(1);
    expect(errors[0]!.message).toContain(message);
  });

  it("skips comments and blank lines, numbers lines as written and keeps good lines next to bad ones", () => {
    const raw = ["# Checkout", "", "path:src/checkout/* #payments", "oops", "\r", "url:*/api/* #platform"].join("\n");
    const { rules, errors } = parseOwnershipRules(raw);
    expect(rules.map((r) => r.line)).toEqual([3, 6]);
    expect(errors).toEqual([{ line: 4, message: '"oops" has no owners: add e-mails or #teams after it' }]);
  });

  it("accepts Windows line endings", () => {
    expect(parseOwnershipRules("path:a #x\r\npath:b #y").rules.map((r) => r.line)).toEqual([1, 2]);
  });

  it("refuses text longer than Sentry accepts", () => {
    const { rules, errors } = parseOwnershipRules(`path:a #x\n${"#".repeat(MAX_RULES_LENGTH)}`);
    expect(rules).toEqual([]);
    expect(errors[0]!.message).toContain("longer than");
  });

  it("formats owners as written", () => {
    expect(formatOwner({ type: "user", email: "a@b.c" })).toBe("a@b.c");
    expect(formatOwner({ type: "team", slug: "payments" })).toBe("#payments");
    expect(formatOwner({ type: "handle", handle: "octocat" })).toBe("@octocat");
  });
});
