import { describe, expect, it } from "vitest";
import { joinWithNonce, PageStore, splitAtNonce, type KeptPage } from "./store";

const page = (orgId: string, bytes: number, expiresAt = 1_000): KeptPage => ({
  orgId,
  status: 200,
  headers: [],
  nonce: null,
  parts: [Buffer.alloc(bytes)],
  bytes,
  position: 0,
  renderedAt: 0,
  expiresAt,
});

describe("PageStore", () => {
  it("answers a page until it expires, then forgets it", () => {
    const store = new PageStore(1_000);
    store.put("a", page("o1", 10, 500));
    expect(store.get("a", 499)?.orgId).toBe("o1");
    expect(store.get("a", 500)).toBeUndefined();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it("keeps its bytes under the bound, letting the least recently used go first", () => {
    const store = new PageStore(100);
    store.put("a", page("o1", 40));
    store.put("b", page("o1", 40));
    store.get("a", 0); // a is now the most recently used
    store.put("c", page("o1", 40));
    expect(store.get("b", 0)).toBeUndefined();
    expect(store.get("a", 0)).toBeDefined();
    expect(store.get("c", 0)).toBeDefined();
    expect(store.bytes).toBe(80);
    store.put("huge", page("o1", 101));
    expect(store.get("huge", 0)).toBeUndefined();
    expect(store.bytes).toBe(80);
  });

  it("replaces a key's page, counting its bytes once", () => {
    const store = new PageStore(100);
    store.put("a", page("o1", 40));
    store.put("a", page("o1", 30));
    expect(store.bytes).toBe(30);
    expect(store.size).toBe(1);
  });

  it("drops every page of one org together, and only that org's", () => {
    const store = new PageStore(1_000);
    store.put("a", page("o1", 10));
    store.put("b", page("o2", 10));
    store.put("c", page("o1", 10));
    store.dropOrg("o1");
    expect([store.get("a", 0), store.get("c", 0)]).toEqual([undefined, undefined]);
    expect(store.get("b", 0)?.orgId).toBe("o2");
    store.clear();
    expect(store.size).toBe(0);
  });
});

describe("the nonce's places", () => {
  it("gives the same HTML back with another nonce in every place, the edges included", () => {
    const html = Buffer.from('N1<script nonce="N1">a</script><link nonce="N1">N1');
    const parts = splitAtNonce(html, "N1");
    expect(parts).toHaveLength(5);
    expect(joinWithNonce(parts, "N1").equals(html)).toBe(true);
    expect(joinWithNonce(parts, "zz").toString()).toBe('zz<script nonce="zz">a</script><link nonce="zz">zz');
  });

  it("leaves HTML without a nonce as one part", () => {
    const html = Buffer.from("<p>x</p>");
    expect(splitAtNonce(html, null)).toEqual([html]);
    expect(joinWithNonce([html], "n").equals(html)).toBe(true);
  });
});
