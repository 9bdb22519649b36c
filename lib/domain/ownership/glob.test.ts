import { describe, expect, it } from "vitest";
import { codeownersMatch, sentryGlobMatch } from "./glob";

const path = { caseInsensitive: true, pathNormalize: true };
const exact = { caseInsensitive: false, pathNormalize: false };

describe("sentryGlobMatch (Sentry's glob_match without double_star)", () => {
  it.each([
    ["src/checkout/cart.ts", "src/checkout/*", path, true],
    ["src/checkout/deep/cart.ts", "src/checkout/*", path, true], // `*` crosses `/`
    ["/app/src/checkout/cart.ts", "src/checkout/*", path, false], // the whole value must match
    ["/app/src/checkout/cart.ts", "*/checkout/*", path, true],
    ["hello.py", "*.py", path, true],
    ["foo/hello.py", "*.py", path, true],
    ["foo/hello.PY", "*.py", path, true], // case-insensitive
    ["src\\checkout\\cart.ts", "src/checkout/*", path, true], // backslashes read as slashes
    ["src/a.ts", "src/?.ts", path, true],
    ["src/ab.ts", "src/?.ts", path, false],
    ["src/a.ts", "src/a.ts", path, true],
    ["src/a.tsx", "src/a.ts", path, false],
    ["", "*", path, true],
    ["", "?", path, false],
    ["1.18.4", "1.18.*", exact, true],
    ["production", "Production", exact, false], // tags are case-sensitive
    ["production", "prod*", exact, true],
    ["a+b(c)", "a+b(c)", exact, true], // regex characters are literal
    ["a.b", "a?b", exact, true],
    ["axb", "a.b", exact, false],
    ["foo\nbar", "foo*", exact, true],
  ])("%s ~ %s → %s", (value, pattern, options, expected) => {
    expect(sentryGlobMatch(value, pattern, options)).toBe(expected);
  });

  it("stays fast on patterns that make a backtracking matcher explode", () => {
    const value = "a".repeat(2000);
    expect(sentryGlobMatch(value, "*a*a*a*a*a*a*a*a*b", exact)).toBe(false);
    expect(sentryGlobMatch(`${value}b`, "*a*a*a*a*a*a*a*a*b", exact)).toBe(true);
  });
});

describe("codeownersMatch (GitHub CODEOWNERS syntax)", () => {
  it.each([
    ["src/checkout/cart.ts", "src/checkout/", true],
    ["src/checkout/deep/cart.ts", "src/checkout/", true],
    ["src/checkout", "src/checkout/", false], // a directory entry owns what is below it
    ["/app/src/checkout/cart.ts", "/src/checkout/", true], // no code mappings: any directory may be the root
    ["src/checkout/cart.ts", "*.ts", true],
    ["src/checkout/cart.js", "*.ts", false],
    ["docs/getting-started.md", "docs/*", true],
    ["docs/build-app/troubleshooting.md", "docs/*", false], // GitHub's example: `*` stays in one directory
    ["docs/build-app/troubleshooting.md", "docs/**", true],
    ["apps/web/src/x.ts", "apps/", true],
    ["src/apps/x.ts", "apps/", true], // a name without a leading path matches at any depth
    ["src/api/orders.ts", "src/api", true], // a name also owns the directory's contents
    ["src/apiary/orders.ts", "src/api", false],
    ["a/b", "a/**/b", true],
    ["a/x/y/b", "a/**/b", true],
    ["a/xb", "a/**/b", false],
    ["src/Checkout/cart.ts", "src/checkout/", false], // case-sensitive, as on GitHub
    ["src\\checkout\\cart.ts", "src/checkout/", true],
    ["src/a.ts", "src/?.ts", true],
    ["anything/at/all.ts", "*", true],
    ["", "*", false],
  ])("%s ~ %s → %s", (value, pattern, expected) => {
    expect(codeownersMatch(value, pattern)).toBe(expected);
  });
});
