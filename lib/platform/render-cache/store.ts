/** One kept render: what the front sends again, with the CSP nonce's places marked so each answer gets its own. */
export type KeptPage = {
  orgId: string;
  status: number;
  /** Response headers as Next.js set them, without the per-response ones (length, encoding, request id). */
  headers: [string, string][];
  /** The nonce the render used (in `headers` too), or null when it had none. */
  nonce: string | null;
  /** The HTML split at every occurrence of the nonce: the nonce goes between consecutive parts. */
  parts: Buffer[];
  bytes: number;
  /** The change-log position taken before the render began (changes.ts). */
  position: number;
  /** When the render began (ms): its times were computed then. */
  renderedAt: number;
  expiresAt: number;
};

/**
 * Kept renders by key, least recently used first out once their bytes pass `maxBytes`. Expired pages are dropped
 * when asked for; an org's pages are dropped together when its data changes.
 */
export class PageStore {
  private readonly pages = new Map<string, KeptPage>();
  private totalBytes = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes() {
    return this.totalBytes;
  }

  get size() {
    return this.pages.size;
  }

  get(key: string, now: number): KeptPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.delete(key);
    if (page.expiresAt <= now) return undefined;
    this.pages.set(key, page); // most recently used last
    this.totalBytes += page.bytes;
    return page;
  }

  put(key: string, page: KeptPage) {
    if (page.bytes > this.maxBytes) return;
    this.delete(key);
    this.pages.set(key, page);
    this.totalBytes += page.bytes;
    for (const [oldest, kept] of this.pages) {
      if (this.totalBytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.totalBytes -= kept.bytes;
    }
  }

  dropOrg(orgId: string) {
    for (const [key, page] of this.pages) if (page.orgId === orgId) this.delete(key);
  }

  clear() {
    this.pages.clear();
    this.totalBytes = 0;
  }

  private delete(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.totalBytes -= page.bytes;
  }
}

/** `body` split at every occurrence of `nonce` (none: one part). */
export function splitAtNonce(body: Buffer, nonce: string | null): Buffer[] {
  if (!nonce) return [body];
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/** The page's HTML with `nonce` in every place the render's nonce was. */
export function joinWithNonce(parts: Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0]!;
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(needle);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}
