import { escapeHtml } from "./escape-html";

/**
 * Inline Markdown to HTML for the preview: backslash escapes, `code`,
 * [text](http(s) url), **bold**, *italic* and _italic_. Everything else is
 * text. Safety does not rest on the parser being right: every piece of input
 * goes through `escapeHtml`, the only tags are the fixed ones written here,
 * and an href is written only for a URL that parses as http or https.
 */
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Longer "URLs" are text: it bounds the work a pasted wall of `[a](b` can cause. */
const MAX_URL_LENGTH = 2048;

export function inlineHtml(text: string, inLink = false): string {
  // A delimiter with no closer after position p has none after any later position either;
  // remembering that keeps a line full of lone `*` linear instead of quadratic.
  const noCloserFrom = new Map<string, number>();
  const closerOf = (from: number, delimiter: string) => {
    if (from >= (noCloserFrom.get(delimiter) ?? Infinity)) return -1;
    const end = findCloser(text, from, delimiter);
    if (end === -1) noCloserFrom.set(delimiter, from);
    return end;
  };
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    const next = text[i + 1];

    if (char === "\\" && next !== undefined && PUNCTUATION.test(next)) {
      out += escapeHtml(next);
      i += 2;
      continue;
    }
    if (char === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        out += `<code>${escapeHtml(text.slice(i + 1, end))}</code>`;
        i = end + 1;
        continue;
      }
    }
    if (char === "[" && !inLink) {
      const link = parseLink(text, i);
      if (link) {
        out += link.html;
        i = link.end;
        continue;
      }
    }
    if (char === "*" && next === "*" && canOpen(text, i, 2)) {
      const end = closerOf(i + 2, "**");
      if (end > i + 2) {
        out += `<strong>${inlineHtml(text.slice(i + 2, end), inLink)}</strong>`;
        i = end + 2;
        continue;
      }
    }
    if ((char === "*" || char === "_") && canOpen(text, i, 1)) {
      const end = closerOf(i + 1, char);
      if (end > i + 1) {
        out += `<em>${inlineHtml(text.slice(i + 1, end), inLink)}</em>`;
        i = end + 1;
        continue;
      }
    }
    out += escapeHtml(char);
    i++;
  }
  return out;
}

/** An opener is followed by a non-space; `_` must also not sit inside a word (snake_case stays text). */
function canOpen(text: string, at: number, length: number): boolean {
  const after = text[at + length];
  if (after === undefined || /\s/.test(after)) return false;
  if (text[at] === "_" && at > 0 && WORD_CHAR.test(text[at - 1] as string)) return false;
  return true;
}

/**
 * Where `delimiter` closes, skipping backslash escapes; -1 if it never does.
 * A closer follows a non-space; a single `*` skips `**` (bold inside italic)
 * and a closing `_` must not be followed by a letter or digit.
 */
function findCloser(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (!text.startsWith(delimiter, i)) continue;
    if (delimiter === "*" && text[i + 1] === "*") {
      i++;
      continue;
    }
    if (/\s/.test(text[i - 1] as string)) continue;
    if (delimiter === "_" && WORD_CHAR.test(text[i + 1] ?? "")) continue;
    return i;
  }
  return -1;
}

/**
 * `[label](destination)` starting at `at`. The label may hold escapes and
 * inline formatting but no links; the destination ends at the `)` that
 * balances its parentheses and may not contain spaces. A destination that is
 * not an http(s) URL leaves the whole construct as text.
 */
function parseLink(text: string, at: number): { html: string; end: number } | null {
  let close = -1;
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "[") return null;
    else if (text[i] === "]") {
      close = i;
      break;
    }
  }
  if (close === -1 || text[close + 1] !== "(") return null;

  let depth = 0;
  let end = -1;
  for (let i = close + 2; i < Math.min(text.length, close + 3 + MAX_URL_LENGTH); i++) {
    const char = text[i] as string;
    if (/\s/.test(char)) return null;
    if (char === "(") depth++;
    else if (char === ")") {
      if (depth === 0) {
        end = i;
        break;
      }
      depth--;
    }
  }
  if (end === -1) return null;

  const href = httpHref(text.slice(close + 2, end));
  const label = inlineHtml(text.slice(at + 1, close), true);
  const html = href
    ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>`
    : escapeHtml(text.slice(at, end + 1));
  return { html, end: end + 1 };
}

/** The normalised URL when it is absolute http or https; anything else (javascript:, data:, relative) is refused. */
function httpHref(destination: string): string | null {
  if (!/^https?:\/\//i.test(destination)) return null;
  try {
    const url = new URL(destination);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
