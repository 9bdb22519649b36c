// GET /api/health - liveness and database reachability, for load balancers and people.
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/platform/health/check";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
