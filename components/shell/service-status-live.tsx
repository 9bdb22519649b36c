"use client";

import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/platform/query/keys";
import { getQueryClient } from "@/lib/platform/query/query-client";

type Health = { status: "ok" | "degraded"; database: "ok" | "unreachable" };

async function fetchHealth(): Promise<Health> {
  const response = await fetch("/api/health", { cache: "no-store" });
  // 503 still carries a report saying what is wrong.
  if (response.status !== 200 && response.status !== 503) throw new Error(`health check answered ${response.status}`);
  return (await response.json()) as Health;
}

function HealthLine() {
  const { data, isError } = useQuery({
    queryKey: queryKeys.health(),
    queryFn: fetchHealth,
    refetchInterval: 60_000,
    retry: 0,
  });
  if (!data && !isError) return null;
  const healthy = !isError && data?.status === "ok";
  const message = isError
    ? "Bosun is unreachable"
    : healthy
      ? "All systems normal"
      : "Database unreachable: data may be stale";
  return (
    <p role="status" className="flex items-center gap-2 px-3 text-xs text-slate-500 dark:text-slate-400">
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${healthy ? "bg-emerald-500" : "bg-red-500"}`} />
      {message}
    </p>
  );
}

/** The health poll with its query client; loaded on its own after the page starts (see service-status.tsx). */
export default function ServiceStatusLive() {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <HealthLine />
    </QueryClientProvider>
  );
}
