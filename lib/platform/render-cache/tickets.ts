/**
 * What a page render tells the front that started it (front.ts), so the front knows whether the HTML may be kept:
 * which org the render let this session into (requireOrg passed) and until when the session's access token holds,
 * or that something failed while rendering. The front hands each render a ticket id in a request header it
 * always sets itself; the registry is shared through globalThis because the front and Next.js's bundle load
 * their own copies of this module.
 */
export const RENDER_TICKET_HEADER = "x-bosun-render-ticket";

export type RenderTicket = {
  /** Every org the render passed requireOrg for: slug → its id and the access token's expiry. */
  orgs: Map<string, { orgId: string; tokenExpiresAt: number | null }>;
  /** An error reached Next.js's onRequestError: the HTML may hold an error boundary's output. */
  spoiled: boolean;
};

const TICKETS = Symbol.for("bosun.renderTickets");
const registry = ((globalThis as { [TICKETS]?: Map<string, RenderTicket> })[TICKETS] ??= new Map());

export function openTicket(): string {
  const id = crypto.randomUUID();
  registry.set(id, { orgs: new Map(), spoiled: false });
  return id;
}

/** The ticket's record, which leaves the registry. */
export function closeTicket(id: string): RenderTicket | undefined {
  const ticket = registry.get(id);
  registry.delete(id);
  return ticket;
}

export function noteOrgAuthorized(
  id: string | null | undefined,
  org: { slug: string; orgId: string; accessToken: string | undefined },
) {
  const ticket = id ? registry.get(id) : undefined;
  ticket?.orgs.set(org.slug, { orgId: org.orgId, tokenExpiresAt: expiryOf(org.accessToken) });
}

export function spoilTicket(id: string | null | undefined) {
  const ticket = id ? registry.get(id) : undefined;
  if (ticket) ticket.spoiled = true;
}

/** A JWT's `exp` in milliseconds (AuthKit has verified the token already), or null when it has none. */
export function expiryOf(jwt: string | undefined): number | null {
  const payload = jwt?.split(".")[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { exp?: unknown };
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}
