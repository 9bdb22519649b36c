import { beforeAll, describe, expect, it } from "vitest";
import { useSeededDatabase } from "@/test/fixtures/database";
import { db } from "@/lib/db/client";
import { decodeAuditCursor, encodeAuditCursor, listAuditPage, type AuditPage } from "./audit-log-pages";

/** Keyset paging through an audit log longer than a page, with entries sharing a timestamp across page edges. */
describe("listAuditPage", () => {
  let orgId: string;
  let otherOrgId: string;
  const ACTION = "test.paging";
  const TOTAL = 123;
  useSeededDatabase({ label: "audit_pages" });

  beforeAll(async () => {
    orgId = (await db.organization.findUniqueOrThrow({ where: { slug: "globex" } })).id;
    otherOrgId = (await db.organization.findFirstOrThrow({ where: { NOT: { id: orgId } } })).id;
    // Three entries per second, so pages split entries with the same createdAt and only the id tells them apart.
    const start = Date.parse("2026-11-01T00:00:00Z");
    await db.auditLog.createMany({
      data: Array.from({ length: TOTAL }, (_, i) => ({
        orgId,
        actorType: "user" as const,
        actorLabel: i % 2 ? "ana@globex.test" : "bo@globex.test",
        action: ACTION,
        summary: `entry ${i}`,
        createdAt: new Date(start + Math.floor(i / 3) * 1000),
      })),
    });
    await db.auditLog.create({
      data: { orgId: otherOrgId, actorType: "user", actorLabel: "x", action: ACTION, summary: "other org" },
    });
  });

  const filters = { action: ACTION };
  const summaries = (page: AuditPage) => page.entries.map((e) => e.summary);
  const request = (side: "older" | "newer", cursor: string | null) => {
    const decoded = decodeAuditCursor(cursor ?? undefined);
    if (!decoded) throw new Error("expected a cursor");
    return side === "older" ? { older: decoded } : { newer: decoded };
  };

  it("walks from the newest to the oldest entry and back, every entry once, in order", async () => {
    const seen: string[] = [];
    let page = await listAuditPage({ orgId, filters });
    expect(page.newer).toBeNull();
    const pages = [page];
    while (true) {
      seen.push(...summaries(page));
      if (!page.older) break;
      page = await listAuditPage({ orgId, filters, request: request("older", page.older) });
      pages.push(page);
    }
    expect(pages.map((p) => p.entries.length)).toEqual([50, 50, 23]);
    expect(seen).toEqual(Array.from({ length: TOTAL }, (_, i) => `entry ${TOTAL - 1 - i}`));

    const back = await listAuditPage({ orgId, filters, request: request("newer", page.newer) });
    expect(summaries(back)).toEqual(summaries(pages[1]!));
    expect(back.older).not.toBeNull();
    const first = await listAuditPage({ orgId, filters, request: request("newer", back.newer) });
    expect(summaries(first)).toEqual(summaries(pages[0]!));
    expect(first.newer).toBeNull();
  });

  it("pages oldest first when the table is sorted that way", async () => {
    const page = await listAuditPage({ orgId, filters, order: "asc" });
    expect(summaries(page).slice(0, 3)).toEqual(["entry 0", "entry 1", "entry 2"]);
    expect(page.older).toBeNull();
    const next = await listAuditPage({ orgId, filters, order: "asc", request: request("newer", page.newer) });
    expect(summaries(next)[0]).toBe("entry 50");
    expect(next.older).not.toBeNull();
  });

  it("keeps the filters on every page and never shows another org's entries", async () => {
    const ana = { action: ACTION, actor: "ana@" };
    const page = await listAuditPage({ orgId, filters: ana, pageSize: 40 });
    expect(page.entries.every((e) => e.actorLabel === "ana@globex.test" && e.orgId === orgId)).toBe(true);
    const rest = await listAuditPage({ orgId, filters: ana, pageSize: 40, request: request("older", page.older) });
    expect(rest.entries).toHaveLength(61 - 40);
    expect(rest.older).toBeNull();
    const other = await listAuditPage({ orgId: otherOrgId, filters });
    expect(summaries(other)).toEqual(["other org"]);
  });

  it("treats a malformed cursor as none and an exhausted one as an empty page", async () => {
    expect(decodeAuditCursor("1' OR 1=1")).toBeNull();
    expect(decodeAuditCursor(["nope"])).toBeNull();
    const cursor = { createdAt: new Date("2000-01-01T00:00:00Z"), id: "a" };
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
    const empty = await listAuditPage({ orgId, filters, request: { older: cursor } });
    expect(empty).toEqual({ entries: [], newer: null, older: null });
  });
});
