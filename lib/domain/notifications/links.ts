/**
 * Whether `link` is a path inside the org's part of Bosun: it starts with
 * `/${orgSlug}/`, and has no scheme, host, backslash or `..` segment that a
 * browser would resolve elsewhere. Stored links are followed by a redirect.
 */
export function isOrgLink(link: string, orgSlug: string): boolean {
  if (!link.startsWith(`/${orgSlug}/`)) return false;
  if (/[\\\s]/.test(link) || link.startsWith("//")) return false;
  const path = link.split(/[?#]/, 1)[0] ?? "";
  return !path.split("/").some((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    return decoded === ".." || decoded === "." || decoded.includes("/") || decoded.includes("\\");
  });
}

/** An absolute URL for an e-mail, from the app's base URL and a Bosun path. */
export function absoluteLink(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
