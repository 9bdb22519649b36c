"use client";

import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { queryKeys } from "@/lib/platform/query/keys";
import { getQueryClient } from "@/lib/platform/query/query-client";

async function fetchUnread(orgSlug: string): Promise<number> {
  const response = await fetch(`/api/orgs/${encodeURIComponent(orgSlug)}/notifications/unread`, { cache: "no-store" });
  if (!response.ok) throw new Error(`unread count answered ${response.status}`);
  return ((await response.json()) as { unread: number }).unread;
}

/**
 * Polls the unread count each minute; when it differs from what the server
 * rendered, refreshes the page's server components so the header's inbox
 * (count and latest ten) shows the new notifications. Renders nothing.
 */
function Refresher({ orgSlug, rendered }: { orgSlug: string; rendered: number }) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: queryKeys.unreadNotifications(orgSlug),
    queryFn: () => fetchUnread(orgSlug),
    refetchInterval: 60_000,
    retry: 0,
  });
  useEffect(() => {
    if (data !== undefined && data !== rendered) router.refresh();
  }, [data, rendered, router]);
  return null;
}

export default function InboxRefresherLive(props: { orgSlug: string; rendered: number }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <Refresher {...props} />
    </QueryClientProvider>
  );
}
