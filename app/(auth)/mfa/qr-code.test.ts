import { describe, expect, it } from "vitest";
import { qrCodeImageSource } from "./qr-code";

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

describe("qrCodeImageSource", () => {
  it("accepts PNG and SVG data URIs", () => {
    expect(qrCodeImageSource(PNG)).toBe(PNG);
    expect(qrCodeImageSource("data:image/svg+xml;base64,PHN2Zy8+")).toBe("data:image/svg+xml;base64,PHN2Zy8+");
    const encoded = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"/>')}`;
    expect(qrCodeImageSource(encoded)).toBe(encoded);
  });

  it("refuses what is not a PNG or SVG image", () => {
    for (const hostile of [
      "data:text/plain;charset=utf-8,otpauth%3A%2F%2Ftotp%2FBosun",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "data:image/jpeg;base64,/9j/4AAQ",
      "javascript:alert(1)",
      "https://evil.example/qr.png",
      "//evil.example/qr.png",
      'data:image/svg+xml,<svg onload="alert(1)"/>',
      `${PNG}" onerror="alert(1)`,
      "data:image/png;base64,",
      " data:image/png;base64,AAAA",
      "",
    ])
      expect(qrCodeImageSource(hostile), hostile).toBeNull();
  });

  it("refuses anything that is not a string, and an absurdly long one", () => {
    expect(qrCodeImageSource(undefined)).toBeNull();
    expect(qrCodeImageSource(null)).toBeNull();
    expect(qrCodeImageSource({ toString: () => PNG })).toBeNull();
    expect(qrCodeImageSource(`data:image/png;base64,${"A".repeat(200_000)}`)).toBeNull();
  });
});
