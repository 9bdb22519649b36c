// GET /{orgSlug}/notifications/{id} - marks the caller's notification read and redirects to what it is about.
import { NextResponse } from "next/server";
import { followNotification } from "@/lib/features/notifications";
import { requireOrgForApi } from "@/lib/platform/auth/api";

const ID = /^[a-z0-9]{1,64}$/i;

export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string; id: string }> }) {
  const { orgSlug, id } = await params;
  const context = await requireOrgForApi(orgSlug, "dashboards:view");
  if (context instanceof NextResponse) return context;
  const link = ID.test(id)
    ? await followNotification({ orgId: context.org.id, orgSlug: context.org.slug, userId: context.user.id, id })
    : null;
  // Someone else's notification, or none: the same 404 as a missing one.
  if (!link) return NextResponse.json({ error: "not_found", message: "Not found." }, { status: 404 });
  // The stored link is a path under this org (checked when stored and again here), so the redirect stays in Bosun.
  return NextResponse.redirect(new URL(link, request.url), 303);
}
