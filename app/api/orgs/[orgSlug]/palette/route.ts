// GET /api/orgs/{orgSlug}/palette?q - the command palette's matches: pages, boards, releases, issues and Jira keys.
import { NextResponse } from "next/server";
import { requireOrgForApi } from "@/lib/platform/auth/api";
import { searchPalette } from "@/lib/features/palette";
import { parsePaletteQuery } from "@/lib/domain/palette/query";

export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  const context = await requireOrgForApi((await params).orgSlug, "dashboards:view");
  if (context instanceof NextResponse) return context;
  const parsed = parsePaletteQuery(new URL(request.url).searchParams);
  if (!parsed.success) {
    return NextResponse.json(
      {
        error: "invalid_query",
        fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])),
      },
      { status: 400 },
    );
  }
  const results = await searchPalette({
    orgId: context.org.id,
    orgSlug: context.org.slug,
    role: context.role,
    query: parsed.data.q,
  });
  return NextResponse.json({ results }, { headers: { "cache-control": "no-store" } });
}
