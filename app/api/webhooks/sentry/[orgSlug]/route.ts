// POST /api/webhooks/sentry/{orgSlug} - Sentry integration-platform webhooks, signed with the org's client secret.
import { acceptWebhook } from "@/lib/platform/webhooks/intake";

export async function POST(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  return acceptWebhook({ source: "sentry", orgSlug: (await params).orgSlug, request });
}
