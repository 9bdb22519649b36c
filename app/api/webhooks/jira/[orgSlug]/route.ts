// POST /api/webhooks/jira/{orgSlug} - Jira admin webhooks (issue, sprint, link and version events), signed with the org's Jira webhook secret.
import { acceptWebhook } from "@/lib/platform/webhooks/intake";

export async function POST(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  return acceptWebhook({ source: "jira", orgSlug: (await params).orgSlug, request });
}
