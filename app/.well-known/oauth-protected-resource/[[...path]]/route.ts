// GET /.well-known/oauth-protected-resource[/api/mcp] - RFC 9728 metadata of the MCP endpoint: where MCP clients get tokens.
import { NextResponse } from "next/server";
import { protectedResourceMetadata } from "@/lib/features/agents";

export async function GET() {
  return NextResponse.json(protectedResourceMetadata(), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
