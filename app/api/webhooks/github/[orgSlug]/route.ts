// POST /api/webhooks/github/{orgSlug} - GitHub `create` and `pull_request` webhooks, signed with the org's webhook secret.
import { acceptWebhook } from "@/lib/platform/webhooks/intake";

export async function POST(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  return acceptWebhook({ source: "github", orgSlug: (await params).orgSlug, request });
}
