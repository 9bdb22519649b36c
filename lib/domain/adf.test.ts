import { describe, expect, it } from "vitest";
import { adfBulletList, adfDoc, adfField, adfLink, adfParagraph, adfPlainText, adfText } from "./adf";

describe("ADF builders", () => {
  it("builds text with and without marks", () => {
    expect(adfText("plain")).toEqual({ type: "text", text: "plain" });
    expect(adfText("plain")).not.toHaveProperty("marks");
    expect(adfText("bold", [{ type: "strong" }])).toEqual({ type: "text", text: "bold", marks: [{ type: "strong" }] });
    expect(adfLink("Open", "https://example.com/x")).toEqual({
      type: "text",
      text: "Open",
      marks: [{ type: "link", attrs: { href: "https://example.com/x" } }],
    });
  });

  it("builds a field as a list item with a bold label", () => {
    expect(adfField("Level", "error")).toEqual({
      type: "listItem",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Level: ", marks: [{ type: "strong" }] },
            { type: "text", text: "error" },
          ],
        },
      ],
    });
  });

  it("builds a version 1 document", () => {
    expect(adfDoc(adfParagraph(adfText("Hi")))).toEqual({
      type: "doc",
      version: 1,
      content: [{ type: "paragraph", content: [{ type: "text", text: "Hi" }] }],
    });
    expect(adfBulletList([])).toEqual({ type: "bulletList", content: [] });
  });
});

describe("adfPlainText", () => {
  it("puts paragraphs and list items on their own lines and runs of text together", () => {
    const doc = adfDoc(
      adfParagraph(adfText("Sentry issue WEB-1A "), adfText("regressed", [{ type: "strong" }]), adfText(".")),
      adfBulletList([adfField("Level", "error"), adfField("Users affected", "1,204")]),
      adfParagraph(adfLink("Open in Sentry", "https://sentry.example/issues/1/")),
    );
    expect(adfPlainText(doc)).toBe(
      "Sentry issue WEB-1A regressed.\nLevel: error\nUsers affected: 1,204\nOpen in Sentry",
    );
  });

  it("gives the text of a single node", () => {
    expect(adfPlainText(adfText("just text"))).toBe("just text");
    expect(adfPlainText(adfParagraph(adfText("a"), adfText("b")))).toBe("ab");
    expect(adfPlainText({ type: "text" })).toBe("");
  });

  it("gives an empty string for empty documents and nodes without content", () => {
    expect(adfPlainText(adfDoc())).toBe("");
    expect(adfPlainText(adfDoc(adfParagraph(), adfParagraph(adfText("x"))))).toBe("\nx");
    expect(adfPlainText({ type: "hardBreak" })).toBe("");
  });
});
