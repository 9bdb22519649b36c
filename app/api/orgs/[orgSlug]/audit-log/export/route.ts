// GET /api/orgs/{orgSlug}/audit-log/export?actor&action&from&to - the filtered audit log as CSV (admins).
import { NextResponse } from "next/server";
import { requireOrgForApi } from "@/lib/platform/auth/api";
import { exportAuditLogCsv } from "@/lib/features/audit-log";
import { parseAuditFilters } from "@/lib/domain/audit/filters";

export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  const context = await requireOrgForApi((await params).orgSlug, "audit-log:view");
  if (context instanceof NextResponse) return context;
  const filters = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  if (!filters.success) {
    return NextResponse.json(
      {
        error: "invalid_filters",
        fields: Object.fromEntries(filters.error.issues.map((i) => [i.path.join("."), i.message])),
      },
      { status: 400 },
    );
  }
  const csv = await exportAuditLogCsv({ orgId: context.org.id, filters: filters.data });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${context.org.slug}-audit-log-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
