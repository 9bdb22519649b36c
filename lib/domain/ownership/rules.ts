/**
 * Ownership rules in Sentry's syntax, one per line: `type:pattern owner…`. Pure.
 *
 * - `type` is `path`, `module`, `url`, `tags.<key>` or `codeowners`.
 * - A line without a type is a CODEOWNERS entry (`src/checkout/ @acme/payments`)
 *   when one of its owners is written GitHub-style with a leading `@`; otherwise
 *   it is a `path:` rule, as Sentry reads a line without a type.
 * - A pattern may be quoted (`path:"src/my file.ts"`) to hold spaces.
 * - Owners are e-mail addresses, `#team` slugs, and in CODEOWNERS entries
 *   `@org/team` (the team's slug is the part after the `/`).
 * - `#` at the start of a line begins a comment.
 *
 * Parsing never throws: each bad line yields an error naming its line number,
 * and the good lines still parse, so one typo does not silence the whole set.
 */

export type MatcherType = "path" | "module" | "url" | "tag" | "codeowners";

export type OwnerRef =
  | { type: "user"; email: string }
  | { type: "team"; slug: string }
  /** A CODEOWNERS `@handle` Bosun cannot map (GitHub users have no Bosun mapping). */
  | { type: "handle"; handle: string };

export type OwnershipRule = {
  /** 1-based line number in the text. */
  line: number;
  /** The line as written, trimmed: what "because" quotes. */
  text: string;
  matcher: { type: MatcherType; pattern: string; tag?: string };
  owners: OwnerRef[];
};

export type RuleError = { line: number; message: string };

export type ParsedRules = { rules: OwnershipRule[]; errors: RuleError[] };

/** Sentry refuses ownership text past 100,000 characters. */
export const MAX_RULES_LENGTH = 100_000;

/** Matching costs pattern length × value length, so one pattern may not be a page long. */
export const MAX_PATTERN_LENGTH = 500;

const TEAM_SLUG = /^[a-z0-9][a-z0-9_-]*$/i;
const EMAIL = /^[^\s@#]+@[^\s@]+\.[^\s@]+$/;
const TYPED = /^([A-Za-z][\w.-]*):/;

/** Splits off the pattern: a quoted string (backslash escapes) or a run of non-spaces. */
function readPattern(rest: string): { pattern: string; after: string } | { error: string } {
  if (!rest.startsWith('"')) {
    const match = /^(\S*)(.*)$/s.exec(rest);
    return { pattern: match?.[1] ?? "", after: match?.[2] ?? "" };
  }
  let pattern = "";
  for (let i = 1; i < rest.length; i++) {
    const c = rest[i];
    if (c === "\\" && i + 1 < rest.length) {
      pattern += rest[++i];
    } else if (c === '"') {
      return { pattern, after: rest.slice(i + 1) };
    } else pattern += c;
  }
  return { error: "the quoted pattern has no closing quote" };
}

function parseOwner(token: string, isCodeowners: boolean): OwnerRef | string {
  if (token.startsWith("#")) {
    const slug = token.slice(1);
    return TEAM_SLUG.test(slug) ? { type: "team", slug: slug.toLowerCase() } : `"${token}" is not a team (#team-slug)`;
  }
  if (token.startsWith("@")) {
    if (!isCodeowners)
      return `"${token}": @names are for CODEOWNERS entries; name a team as #team or a person by e-mail`;
    const name = token.slice(1);
    const slash = name.indexOf("/");
    if (slash > 0) {
      const slug = name.slice(slash + 1);
      return TEAM_SLUG.test(slug)
        ? { type: "team", slug: slug.toLowerCase() }
        : `"${token}" is not a team (@org/team-slug)`;
    }
    return TEAM_SLUG.test(name) ? { type: "handle", handle: name } : `"${token}" is not a GitHub user or team`;
  }
  // Sentry lower-cases e-mails so that the same person written twice is one owner.
  if (EMAIL.test(token)) return { type: "user", email: token.toLowerCase() };
  return `"${token}" is neither an e-mail address nor a #team`;
}

function parseLine(text: string, line: number): OwnershipRule | RuleError | null {
  if (text === "" || text.startsWith("#")) return null;
  let type: MatcherType | null = null;
  let tag: string | undefined;
  let rest = text;
  const typed = TYPED.exec(text);
  if (typed && !text.startsWith(`${typed[1]}://`)) {
    const name = typed[1] as string;
    const lower = name.toLowerCase();
    if (lower === "path" || lower === "module" || lower === "url" || lower === "codeowners") type = lower;
    else if (lower.startsWith("tags.")) {
      tag = name.slice(5);
      if (tag === "") return { line, message: "tags. needs a tag key, as in tags.environment:production" };
      type = "tag";
    } else {
      return { line, message: `unknown rule type "${name}": use path, module, url, tags.<key> or codeowners` };
    }
    rest = text.slice(typed[0].length);
  }
  const read = readPattern(rest);
  if ("error" in read) return { line, message: read.error };
  const { pattern, after } = read;
  if (pattern === "") return { line, message: "the rule has no pattern" };
  if (pattern.length > MAX_PATTERN_LENGTH)
    return { line, message: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  const tokens = after.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { line, message: `"${pattern}" has no owners: add e-mails or #teams after it` };
  const isCodeowners = type === "codeowners" || (type === null && tokens.some((t) => t.startsWith("@")));
  const owners: OwnerRef[] = [];
  for (const token of tokens) {
    const owner = parseOwner(token, isCodeowners);
    if (typeof owner === "string") return { line, message: owner };
    owners.push(owner);
  }
  return {
    line,
    text,
    matcher: { type: isCodeowners ? "codeowners" : (type ?? "path"), pattern, ...(tag ? { tag } : {}) },
    owners,
  };
}

export function parseOwnershipRules(raw: string): ParsedRules {
  const rules: OwnershipRule[] = [];
  const errors: RuleError[] = [];
  if (raw.length > MAX_RULES_LENGTH) {
    return {
      rules,
      errors: [{ line: 0, message: `the rules are longer than ${MAX_RULES_LENGTH.toLocaleString("en")} characters` }],
    };
  }
  raw.split(/\r\n|\r|\n/).forEach((source, index) => {
    const parsed = parseLine(source.trim(), index + 1);
    if (!parsed) return;
    if ("message" in parsed) errors.push(parsed);
    else rules.push(parsed);
  });
  return { rules, errors };
}

export function formatOwner(owner: OwnerRef): string {
  if (owner.type === "user") return owner.email;
  if (owner.type === "team") return `#${owner.slug}`;
  return `@${owner.handle}`;
}
