import { inlineHtml } from "./inline-html";

/**
 * A small, safe Markdown renderer for the release-notes preview. It knows
 * exactly what the generator writes and what light edits add: `#`–`###`
 * headings, paragraphs, `- ` lists and the inline forms of `inlineHtml`.
 * Anything else, raw HTML included, is shown as text, never passed through.
 */
const HEADING = /^ {0,3}(#{1,3})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const EMPTY_HEADING = /^ {0,3}(#{1,3})[ \t]*$/;
const LIST_ITEM = /^ {0,3}- (.*)$/;
const BLANK = /^[ \t]*$/;

export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push(`<p>${inlineHtml(paragraph.join("\n"))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) blocks.push(`<ul>\n${list.map((item) => `<li>${inlineHtml(item)}</li>`).join("\n")}\n</ul>`);
    list = [];
  };

  for (const line of lines) {
    const heading = HEADING.exec(line) ?? EMPTY_HEADING.exec(line);
    const item = LIST_ITEM.exec(line) ?? (line.trim() === "-" ? ["-", ""] : null);
    if (BLANK.test(line)) {
      flushParagraph();
      flushList();
    } else if (heading) {
      flushParagraph();
      flushList();
      const level = (heading[1] as string).length;
      blocks.push(`<h${level}>${inlineHtml((heading[2] ?? "").trim())}</h${level}>`);
    } else if (item) {
      flushParagraph();
      list.push((item[1] ?? "").trim());
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks.join("\n");
}
