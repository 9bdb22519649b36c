import { describe, expect, it } from "vitest";
import { closeTicket, expiryOf, noteOrgAuthorized, openTicket, spoilTicket } from "./tickets";

const jwt = (payload: object) =>
  ["e30", Buffer.from(JSON.stringify(payload)).toString("base64url"), "signature"].join(".");

describe("render tickets", () => {
  it("record the orgs a render was let into, with the access token's expiry, and leave when closed", () => {
    const id = openTicket();
    noteOrgAuthorized(id, { slug: "acme", orgId: "org_1", accessToken: jwt({ exp: 1_800_000_000 }) });
    const ticket = closeTicket(id);
    expect(ticket?.spoiled).toBe(false);
    expect([...ticket!.orgs]).toEqual([["acme", { orgId: "org_1", tokenExpiresAt: 1_800_000_000_000 }]]);
    expect(closeTicket(id)).toBeUndefined();
  });

  it("ignore ids the front did not hand out, and remember a failed render", () => {
    noteOrgAuthorized("made-up", { slug: "acme", orgId: "org_1", accessToken: undefined });
    noteOrgAuthorized(null, { slug: "acme", orgId: "org_1", accessToken: undefined });
    spoilTicket("made-up");
    expect(closeTicket("made-up")).toBeUndefined();
    const id = openTicket();
    spoilTicket(id);
    expect(closeTicket(id)?.spoiled).toBe(true);
  });

  it("read a token's expiry, and nothing from a token without one or a malformed one", () => {
    expect(expiryOf(jwt({ exp: 1_700_000_000 }))).toBe(1_700_000_000_000);
    expect(expiryOf(jwt({ sub: "u" }))).toBeNull();
    expect(expiryOf(jwt({ exp: "soon" }))).toBeNull();
    expect(expiryOf("not-a-jwt")).toBeNull();
    expect(expiryOf("a.%%%.c")).toBeNull();
    expect(expiryOf(undefined)).toBeNull();
  });
});
