import { describe, expect, it } from "vitest";
import { expandOwners, findMatchingRules, findOwningRule } from "./evaluate";
import { describeOwners, describeUnresolved, explainMatch } from "./explain";
import type { OwnershipFacts } from "./facts";
import { parseOwnershipRules } from "./rules";

const facts: OwnershipFacts = {
  paths: ["src/checkout/cart.ts", "/app/src/checkout/cart.ts", "src/lib/money.ts"],
  modules: ["checkout.cart"],
  url: "https://shop.example.com/checkout/pay",
  tags: { environment: "production", "browser.name": "Chrome" },
};

const rulesOf = (raw: string) => parseOwnershipRules(raw).rules;
/** Rules text that must hold at least one rule. */
const rulesOfOne = (raw: string) => {
  const rules = rulesOf(raw);
  if (rules.length === 0) throw new Error(`no rule in ${raw}`);
  return rules as [(typeof rules)[number], ...typeof rules];
};

describe("findOwningRule", () => {
  it.each([
    ["path:src/checkout/* #payments", "path:src/checkout/* #payments", "src/checkout/cart.ts"],
    ["path:*/money.ts #platform", "path:*/money.ts #platform", "src/lib/money.ts"],
    ["module:checkout.* #payments", "module:checkout.* #payments", "checkout.cart"],
    ["url:*/checkout/* #payments", "url:*/checkout/* #payments", "https://shop.example.com/checkout/pay"],
    ["tags.environment:prod* #platform", "tags.environment:prod* #platform", "production"],
    ["tags.browser.name:Chrome #web", "tags.browser.name:Chrome #web", "Chrome"],
    ["src/checkout/ @acme/payments", "src/checkout/ @acme/payments", "src/checkout/cart.ts"],
  ])("%s wins", (raw, text, value) => {
    const match = findOwningRule(rulesOf(raw), facts);
    expect(match?.rule.text).toBe(text);
    expect(match?.value).toBe(value);
  });

  it.each([
    ["path:src/api/* #platform"],
    ["module:api.* #platform"],
    ["url:*/api/* #platform"],
    ["tags.environment:Production #platform"], // tag values compare exactly
    ["tags.release:* #platform"], // the event has no such tag
    ["src/api/ @acme/platform"],
  ])("%s does not match", (raw) => {
    expect(findOwningRule(rulesOf(raw), facts)).toBeNull();
  });

  it("lets the LAST matching rule win", () => {
    const raw = ["path:src/* #platform", "path:src/checkout/* #payments", "path:src/api/* #api"].join("\n");
    expect(findOwningRule(rulesOf(raw), facts)?.rule.text).toBe("path:src/checkout/* #payments");
    const reversed = ["path:src/checkout/* #payments", "path:src/* #platform"].join("\n");
    expect(findOwningRule(rulesOf(reversed), facts)?.rule.text).toBe("path:src/* #platform");
  });

  it("lets any matching ownership rule beat CODEOWNERS entries, wherever they are written", () => {
    const raw = ["path:src/* #platform", "src/checkout/ @acme/payments"].join("\n");
    expect(findOwningRule(rulesOf(raw), facts)?.rule.text).toBe("path:src/* #platform");
  });

  it("falls back to CODEOWNERS when no ownership rule matches", () => {
    const raw = ["path:src/api/* #platform", "*.ts @acme/web", "src/checkout/ @acme/payments"].join("\n");
    expect(findOwningRule(rulesOf(raw), facts)?.rule.text).toBe("src/checkout/ @acme/payments");
  });

  it("is null with no rules or no facts", () => {
    expect(findOwningRule([], facts)).toBeNull();
    expect(findOwningRule(rulesOf("path:* #x"), { paths: [], modules: [], url: null, tags: {} })).toBeNull();
  });

  it("lists every matching rule in evaluation order", () => {
    const raw = ["path:src/* #platform", "src/ @acme/web", "tags.environment:* #ops"].join("\n");
    expect(findMatchingRules(rulesOf(raw), facts).map((m) => m.rule.line)).toEqual([2, 1, 3]);
  });
});

describe("expandOwners", () => {
  type M = { id: string; email: string };
  const alice = { id: "m1", email: "alice@acme.test" };
  const bob = { id: "m2", email: "bob@acme.test" };
  const carol = { id: "m3", email: "carol@acme.test" };
  const directory = {
    membersByEmail: new Map<string, M>([alice, bob, carol].map((m) => [m.email, m])),
    teamsBySlug: new Map<string, M[]>([
      ["payments", [bob, alice]],
      ["empty", []],
    ]),
    keyOf: (m: M) => m.id,
  };

  it("expands teams in place, keeps the leftmost first and names each person once", () => {
    const [rule] = rulesOfOne("path:* carol@acme.test #payments alice@acme.test");
    expect(expandOwners(rule.owners, directory)).toEqual({ members: [carol, bob, alice], unresolved: [] });
  });

  it("sets apart owners it cannot resolve", () => {
    const [rule] = rulesOfOne("src/ ghost@acme.test @acme/nobody @octocat #empty");
    const { members, unresolved } = expandOwners(rule.owners, directory);
    expect(members).toEqual([]);
    expect(unresolved).toEqual([
      { type: "user", email: "ghost@acme.test" },
      { type: "team", slug: "nobody" },
      { type: "handle", handle: "octocat" },
    ]);
    expect(describeUnresolved(unresolved)).toBe(
      "ghost@acme.test is not a member; #nobody is not a team; @octocat is a GitHub name Bosun cannot map to a member.",
    );
  });
});

describe("explainMatch", () => {
  it.each([
    [
      "path:src/checkout/* #payments",
      "path:src/checkout/* matched src/checkout/cart.ts (the last matching rule, line 1)",
    ],
    ["src/* #payments", "path:src/* matched src/checkout/cart.ts (the last matching rule, line 1)"],
    ["tags.environment:prod* #ops", "tags.environment:prod* matched production (the last matching rule, line 1)"],
    [
      "src/checkout/ @acme/payments",
      "CODEOWNERS entry src/checkout/ matched src/checkout/cart.ts (the last matching rule, line 1)",
    ],
  ])("%s", (raw, sentence) => {
    expect(explainMatch(findOwningRule(rulesOf(raw), facts))).toBe(sentence);
  });

  it("counts the rules it beat and says when nothing matches", () => {
    const rules = rulesOf("path:src/* #a\n\npath:*/checkout/* #b");
    const matches = findMatchingRules(rules, facts);
    expect(explainMatch(findOwningRule(rules, facts), matches.length)).toBe(
      "path:*/checkout/* matched src/checkout/cart.ts (the last of 2 matching rules, line 3)",
    );
    expect(explainMatch(null)).toBe("No rule matches");
  });

  it("lists owners as written", () => {
    expect(describeOwners(rulesOfOne("path:* a@b.co #team")[0].owners)).toBe("a@b.co, #team");
    expect(describeUnresolved([])).toBeNull();
  });
});
