/**
 * The two glob dialects ownership rules use. Pure.
 *
 * Sentry's ownership rules (`path:`, `module:`, `url:`, `tags.<key>:`) match the
 * whole value, `*` matching any run of characters including `/` and `?` any one
 * character; everything else is literal (Sentry's glob_match without double_star).
 * Paths, modules and URLs compare case-insensitively, tag values exactly, and
 * paths and modules read `\` as `/` so Windows frames match the same rules.
 *
 * CODEOWNERS entries follow GitHub's syntax: `*` stays within one directory,
 * `**` crosses directories, a trailing `/` means "everything below", and an
 * entry naming a directory owns what is below it.
 *
 * Matching is a dynamic programme over (pattern token, value position), not a
 * regular expression: values come from events (untrusted, possibly long) and a
 * pattern like `*a*a*a*b` must not backtrack exponentially.
 */

type Token =
  | { kind: "char"; char: string }
  | { kind: "one"; crossesSlash: boolean }
  | { kind: "any"; crossesSlash: boolean }
  /** Zero or more whole directories (`**\/`): nothing, or any run ending in `/`. */
  | { kind: "dirs" };

/** Longest value compared; a longer one is cut (frames and URLs past this are not realistic, and the cost is value × pattern). */
export const MAX_MATCH_LENGTH = 2048;

function matchTokens(tokens: Token[], value: string): boolean {
  const text = value.slice(0, MAX_MATCH_LENGTH);
  // reachable[i]: the tokens so far can consume exactly text[0, i).
  let reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (const token of tokens) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    if (token.kind === "dirs") {
      let seen = false;
      for (let i = 0; i <= text.length; i++) {
        next[i] = reachable[i] === true || (seen && text[i - 1] === "/");
        seen = seen || reachable[i] === true;
      }
    } else if (token.kind === "any") {
      let carried = false;
      for (let i = 0; i <= text.length; i++) {
        // A star extends a reachable position over any character it may cross.
        if (carried && i > 0 && !token.crossesSlash && text[i - 1] === "/") carried = false;
        carried = carried || reachable[i] === true;
        next[i] = carried;
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        if (!reachable[i]) continue;
        const c = text[i];
        const fits = token.kind === "char" ? c === token.char : token.crossesSlash || c !== "/";
        if (fits) next[i + 1] = true;
      }
    }
    reachable = next;
    if (!reachable.includes(true)) return false;
  }
  return reachable[text.length] === true;
}

function sentryTokens(pattern: string): Token[] {
  return [...pattern].map<Token>((char) =>
    char === "*"
      ? { kind: "any", crossesSlash: true }
      : char === "?"
        ? { kind: "one", crossesSlash: true }
        : { kind: "char", char },
  );
}

export type SentryGlobOptions = { caseInsensitive: boolean; pathNormalize: boolean };

/** Sentry's glob_match: the whole value must match; `*` crosses `/`. */
export function sentryGlobMatch(value: string, pattern: string, { caseInsensitive, pathNormalize }: SentryGlobOptions) {
  let v = value;
  let p = pattern;
  if (pathNormalize) {
    v = v.replaceAll("\\", "/");
    p = p.replaceAll("\\", "/");
  }
  if (caseInsensitive) {
    v = v.toLowerCase();
    p = p.toLowerCase();
  }
  return matchTokens(sentryTokens(p), v);
}

function codeownersTokens(body: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (body.startsWith("**/", i)) {
      tokens.push({ kind: "dirs" });
      i += 2;
    } else if (body.startsWith("**", i)) {
      tokens.push({ kind: "any", crossesSlash: true });
      i += 1;
    } else if (char === "*") tokens.push({ kind: "any", crossesSlash: false });
    else if (char === "?") tokens.push({ kind: "one", crossesSlash: false });
    else tokens.push({ kind: "char", char: char as string });
  }
  return tokens;
}

/**
 * A CODEOWNERS entry against one file path. Bosun has no code mappings from
 * stack roots to repository roots, so an entry may match starting at any
 * directory of the frame's path (`/app/src/checkout/cart.ts` is matched by
 * `/src/checkout/` as `src/checkout/cart.ts` would be).
 */
export function codeownersMatch(path: string, pattern: string): boolean {
  const value = path.replaceAll("\\", "/").replace(/^\/+/, "");
  let body = pattern.replaceAll("\\", "/").replace(/^\/+/, "");
  const isDirectory = body.endsWith("/");
  body = body.replace(/\/+$/, "");
  if (value === "") return false;
  if (body === "" || body === "*" || body === "**") return true;
  const tokens = codeownersTokens(body);
  // `dir/` owns everything below it; `name` owns the file or the directory of that name,
  // but `docs/*` owns only the files directly in docs/ (GitHub's documented example).
  const ownsBelow = isDirectory || !body.endsWith("/*");
  const segments = value.split("/");
  for (let start = 0; start < segments.length; start++) {
    const candidate = segments.slice(start);
    const lastEnd = isDirectory ? candidate.length - 1 : candidate.length;
    const firstEnd = ownsBelow ? 1 : lastEnd;
    for (let end = lastEnd; end >= firstEnd; end--) {
      if (matchTokens(tokens, candidate.slice(0, end).join("/"))) return true;
    }
  }
  return false;
}
