import { createHash, randomBytes } from "node:crypto";

/**
 * Drives the hosted sign-in pages the way a browser does (plain fetch, form
 * posts, manual redirects). Used by this folder's tests.
 */

export function createPkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export type HtmlForm = { action: string; fields: Record<string, string> };

const decode = (value: string) =>
  value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, "&");

/** The first form of a page: its action and its hidden/checked inputs. */
export function readForm(html: string): HtmlForm {
  const form = /<form[^>]*action="([^"]*)"/.exec(html);
  if (!form) throw new Error(`No form in page:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = match[1] as string;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? "";
    const type = /type="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    if (type === "hidden" || (type === "radio" && attrs.includes(" checked"))) fields[decode(name)] = decode(value);
  }
  return { action: decode(form[1] as string), fields };
}

export async function submitForm(baseUrl: string, form: HtmlForm, values: Record<string, string>): Promise<Response> {
  return fetch(new URL(form.action, baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form.fields, ...values }).toString(),
    redirect: "manual",
  });
}

export function authorizeUrl(
  baseUrl: string,
  params: { clientId: string; redirectUri: string; state: string; codeChallenge: string; organizationId?: string },
): string {
  const url = new URL("/user_management/authorize", baseUrl);
  const query: Record<string, string> = {
    client_id: params.clientId,
    code_challenge: params.codeChallenge,
    code_challenge_method: "S256",
    provider: "authkit",
    redirect_uri: params.redirectUri,
    response_type: "code",
    screen_hint: "sign-in",
    state: params.state,
  };
  if (params.organizationId) query.organization_id = params.organizationId;
  url.search = new URLSearchParams(query).toString();
  return url.toString();
}
