/** A QR image far larger than any TOTP code needs is not one. */
const MAX_LENGTH = 200_000;

const BASE64_IMAGE = /^data:image\/(?:png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
/** SVG as percent-encoded text: no quotes, spaces or angle brackets left raw. */
const ENCODED_SVG = /^data:image\/svg\+xml(?:;charset=utf-8)?,[A-Za-z0-9%\-._~!$&()*+,;=:@/?]+$/i;

/**
 * The factor's QR code as an image source, only when it is a PNG or SVG data
 * URI; anything else (a text data URI, a URL, script) is not drawn, and the
 * setup key beside it stays the way to enrol.
 */
export function qrCodeImageSource(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return null;
  return BASE64_IMAGE.test(value) || ENCODED_SVG.test(value) ? value : null;
}
