/**
 * Builders for Atlassian Document Format, the rich-text JSON Jira Cloud takes
 * for descriptions and comments. Pure.
 */
export type AdfNode = {
  type: string;
  text?: string;
  content?: AdfNode[];
  marks?: { type: string; attrs?: Record<string, string> }[];
  attrs?: Record<string, unknown>;
};
export type AdfDoc = { type: "doc"; version: 1; content: AdfNode[] };

export const adfText = (value: string, marks?: AdfNode["marks"]): AdfNode => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
export const adfLink = (value: string, href: string): AdfNode => adfText(value, [{ type: "link", attrs: { href } }]);
export const adfParagraph = (...content: AdfNode[]): AdfNode => ({ type: "paragraph", content });
export const adfField = (label: string, value: string): AdfNode => ({
  type: "listItem",
  content: [adfParagraph(adfText(`${label}: `, [{ type: "strong" }]), adfText(value))],
});
export const adfBulletList = (items: AdfNode[]): AdfNode => ({ type: "bulletList", content: items });
export const adfDoc = (...content: AdfNode[]): AdfDoc => ({ type: "doc", version: 1, content });

/** The plain text of a document, for previews and logs. */
export function adfPlainText(node: AdfNode | AdfDoc): string {
  if (node.type === "text") return (node as AdfNode).text ?? "";
  const parts = (node.content ?? []).map((child) => adfPlainText(child));
  return node.type === "doc" || node.type === "bulletList" ? parts.join("\n") : parts.join("");
}
