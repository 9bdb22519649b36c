"use client";

import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query/keys";

type Health = { status: "ok" | "degraded"; database: "ok" | "unreachable" };

async function fetchHealth(): Promise<Health> {
  const response = await fetch("/api/health", { cache: "no-store" });
  // 503 still carries a report saying what is wrong.
  if (response.status !== 200 && response.status !== 503) throw new Error(`health check answered ${response.status}`);
  return (await response.json()) as Health;
}

/** A quiet line in the sidebar that turns red when Bosun's own backend is in trouble; polled every minute. */
export function ServiceStatus() {
  const { data, isError } = useQuery({ queryKey: queryKeys.health(), queryFn: fetchHealth, refetchInterval: 60_000, retry: 0 });
  if (!data && !isError) return null;
  const healthy = !isError && data?.status === "ok";
  const message = isError ? "Bosun is unreachable" : healthy ? "All systems normal" : "Database unreachable: data may be stale";
  return (
    <p role="status" className="flex items-center gap-2 px-3 text-xs text-slate-500 dark:text-slate-400">
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${healthy ? "bg-emerald-500" : "bg-red-500"}`} />
      {message}
    </p>
  );
}
