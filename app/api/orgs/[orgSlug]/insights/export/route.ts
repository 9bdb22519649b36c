// GET /api/orgs/{orgSlug}/insights/export?table=<id>&format=csv|md&… - one Insights table as a file (everyone in the org).
import { NextResponse } from "next/server";
import { requireOrgForApi } from "@/lib/platform/auth/api";
import { EXPORT_FORMATS, renderTable, type ExportFormat } from "@/lib/domain/tables/export";
import { findInsightTable } from "@/lib/features/insights";

const badRequest = (field: string, message: string) =>
  NextResponse.json({ error: "invalid_request", fields: { [field]: message } }, { status: 400 });

export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  const context = await requireOrgForApi((await params).orgSlug, "dashboards:view");
  if (context instanceof NextResponse) return context;
  const query = new URL(request.url).searchParams;
  const tableId = query.get("table") ?? "";
  const format = query.get("format") ?? "csv";
  const load = findInsightTable(tableId);
  if (!load) return badRequest("table", tableId ? `There is no table "${tableId.slice(0, 80)}".` : "Name a table.");
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) return badRequest("format", "Use csv or md.");
  const table = await load({ orgId: context.org.id, orgSlug: context.org.slug, params: query, now: new Date() });
  if (!table) return NextResponse.json({ error: "not_found", message: "Not found." }, { status: 404 });
  const { body, contentType } = renderTable(table, format as ExportFormat);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${context.org.slug}-${table.id}-${date}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
