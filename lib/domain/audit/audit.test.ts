import { describe, expect, it } from "vitest";
import { csvCell } from "../tables/export";
import { toAuditCsv } from "./csv";
import { dateRange, parseAuditFilters } from "./filters";

describe("audit CSV", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('said "hi", twice')).toBe('"said ""hi"", twice"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses spreadsheet formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("writes a header and one line per entry", () => {
    const csv = toAuditCsv([
      {
        createdAt: new Date("2026-11-24T10:00:00Z"),
        actorType: "user",
        actorLabel: "ada@acme.test",
        action: "user.signed_in",
        targetType: "user",
        targetId: "u1",
        summary: "Ada signed in",
        result: "success",
        requestId: "req-1",
      },
    ]);
    expect(csv).toBe(
      "time,actor_type,actor,action,target_type,target,summary,result,request_id,changes\r\n2026-11-24T10:00:00.000Z,user,ada@acme.test,user.signed_in,user,u1,Ada signed in,success,req-1,\r\n",
    );
  });

  it("defect 8 (audit diff): writes what changed as one escaped, formula-safe cell", () => {
    const row = {
      createdAt: new Date("2026-11-24T10:00:00Z"),
      actorType: "user",
      actorLabel: "ada@acme.test",
      action: "workos.membership.update_role",
      targetType: null,
      targetId: null,
      summary: "Changed",
      result: "success",
      requestId: null,
    };
    const csv = toAuditCsv([
      {
        ...row,
        changes: {
          attempts: 1,
          diff: [
            { field: "role", before: "member", after: "manager" },
            { field: "note", after: 'said "hi", twice' },
          ],
        },
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe(
      `2026-11-24T10:00:00.000Z,user,ada@acme.test,workos.membership.update_role,,,Changed,success,,"role: member → manager; note: said ""hi"", twice"`,
    );
    const formula = toAuditCsv([{ ...row, changes: { diff: [{ field: "=cmd()", after: "x" }] } }]);
    expect(formula.split("\r\n")[1]?.endsWith(",'=cmd(): x")).toBe(true);
    expect(
      toAuditCsv([{ ...row, changes: { attempts: 3 } }])
        .split("\r\n")[1]
        ?.endsWith(",success,,"),
    ).toBe(true);
  });
});

describe("audit filters", () => {
  it("treats blanks as 'any' and names a malformed date", () => {
    expect(parseAuditFilters({ actor: " ", action: "user.signed_in" })).toMatchObject({
      success: true,
      data: { action: "user.signed_in" },
    });
    const bad = parseAuditFilters({ from: "24/11/2026" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["from"]);
  });

  it("fuzz: names a filter with a NUL character, which no PostgreSQL query can take, instead of failing the query", () => {
    const parsed = parseAuditFilters({ action: "\u0000", actor: "ada\u0000" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["actor", "must not contain NUL characters"],
      ["action", "must not contain NUL characters"],
    ]);
  });

  it("makes `to` include the whole day", () => {
    expect(dateRange({ from: "2026-11-01", to: "2026-11-24" })).toEqual({
      gte: new Date("2026-11-01T00:00:00Z"),
      lt: new Date("2026-11-25T00:00:00Z"),
    });
    expect(dateRange({})).toEqual({});
  });
});
