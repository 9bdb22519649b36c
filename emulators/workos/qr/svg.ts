import { encodeQr, type QrCode } from "./encode";

/** The light margin the standard requires around a symbol, in modules. */
const QUIET_ZONE = 4;
/** Pixels per module for the image's natural size; it scales cleanly from its viewBox. */
const MODULE_PIXELS = 4;

/**
 * The symbol as a standalone SVG: a white background with the quiet zone, and one path whose sub-paths
 * are the horizontal runs of dark modules (far smaller than a rectangle per module).
 */
export function renderQrSvg(qr: Pick<QrCode, "size" | "dark">): string {
  const extent = qr.size + 2 * QUIET_ZONE;
  const runs: string[] = [];
  qr.dark.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      const start = c;
      while (c + 1 < row.length && row[c + 1]) c++;
      const length = c - start + 1;
      runs.push(`M${start + QUIET_ZONE} ${r + QUIET_ZONE}h${length}v1h-${length}z`);
    }
  });
  const pixels = extent * MODULE_PIXELS;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${extent} ${extent}" ` +
    `shape-rendering="crispEdges"><rect width="${extent}" height="${extent}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join("")}"/></svg>`
  );
}

/** `text` as a QR code in a `data:image/svg+xml;base64,` URI, the form an `<img>` can show. */
export function qrCodeSvgDataUri(text: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(renderQrSvg(encodeQr(text))).toString("base64")}`;
}
