import { describe, expect, it } from "vitest";
import { encodeQr } from "./encode";
import { qrCodeSvgDataUri, renderQrSvg } from "./svg";

const URI = "otpauth://totp/Bosun:radia%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Bosun";

/** Paints the path's `M x y h n v1 h-n z` runs back onto a grid the size of the viewBox. */
function paintPath(svg: string, extent: number): boolean[][] {
  const grid = Array.from({ length: extent }, () => new Array<boolean>(extent).fill(false));
  const path = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? "";
  for (const [, x, y, length] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(length); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}

describe("renderQrSvg", () => {
  it("draws every dark module and nothing else, inside a 4-module quiet zone", () => {
    const qr = encodeQr(URI);
    const extent = qr.size + 8;
    const svg = renderQrSvg(qr);
    expect(svg).toContain(`viewBox="0 0 ${extent} ${extent}"`);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg).toContain(`<rect width="${extent}" height="${extent}" fill="#fff"/>`);
    const painted = paintPath(svg, extent);
    const expected = Array.from({ length: extent }, (_, y) =>
      Array.from({ length: extent }, (_, x) => qr.dark[y - 4]?.[x - 4] === true),
    );
    expect(painted).toEqual(expected);
  });

  it("merges horizontal runs into one sub-path each", () => {
    const svg = renderQrSvg({
      size: 3,
      dark: [
        [true, true, true],
        [true, false, true],
        [false, false, false],
      ],
    });
    expect(svg).toContain('d="M4 4h3v1h-3zM4 5h1v1h-1zM6 5h1v1h-1z"');
  });
});

describe("qrCodeSvgDataUri", () => {
  it("wraps the SVG as base64 in an image data URI well under 200 KB", () => {
    const uri = qrCodeSvgDataUri(URI);
    expect(uri).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+={0,2}$/);
    expect(uri.length).toBeLessThan(200_000);
    const svg = Buffer.from(uri.slice(uri.indexOf(",") + 1), "base64").toString("utf8");
    expect(svg).toBe(renderQrSvg(encodeQr(URI)));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
