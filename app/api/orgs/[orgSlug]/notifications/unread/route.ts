// GET /api/orgs/{orgSlug}/notifications/unread - the caller's unread notification count, for the header's poll.
import { NextResponse } from "next/server";
import { countUnreadNotifications } from "@/lib/features/notifications";
import { requireOrgForApi } from "@/lib/platform/auth/api";

export async function GET(_request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  const context = await requireOrgForApi((await params).orgSlug, "dashboards:view");
  if (context instanceof NextResponse) return context;
  const unread = await countUnreadNotifications({ orgId: context.org.id, userId: context.user.id });
  return NextResponse.json({ unread }, { headers: { "cache-control": "no-store" } });
}
