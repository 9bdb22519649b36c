import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TotpSetup } from "./totp-setup";

const SECRET = "JBSWY3DPEHPK3PXP";
const URI = `otpauth://totp/Bosun:ada@acme.test?secret=${SECRET}&issuer=Bosun`;
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

describe("TotpSetup", () => {
  it("shows the QR code as an image with alt text, next to the setup key", () => {
    const html = renderToStaticMarkup(<TotpSetup secret={SECRET} uri={URI} qrCode={PNG} />);
    expect(html).toMatch(new RegExp(`<img src="${PNG.replace(/[+/]/g, "\\$&")}" alt="QR code for setting up[^"]+"`));
    expect(html).toContain(`data-testid="totp-secret">${SECRET}</code>`);
    expect(html).toContain("Scan this code");
  });

  it("keeps only the key and link when the QR code is not a PNG or SVG image", () => {
    for (const qrCode of [
      `data:text/plain;charset=utf-8,${encodeURIComponent(URI)}`,
      'javascript:alert("x")',
      'data:image/png;base64,AAAA" onerror="alert(1)',
      undefined,
    ]) {
      const html = renderToStaticMarkup(<TotpSetup secret={SECRET} uri={URI} qrCode={qrCode} />);
      expect(html, String(qrCode)).not.toContain("<img");
      expect(html).not.toContain("onerror");
      expect(html).toContain(`data-testid="totp-secret">${SECRET}</code>`);
      expect(html).toContain("Add this key to your authenticator app");
    }
  });
});
