// POST /unsubscribe/{token}/one-click - RFC 8058 one-click unsubscribe from a mail client's List-Unsubscribe-Post.
import { NextResponse } from "next/server";
import { unsubscribeWithToken } from "@/lib/features/notifications";

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // The token is the credential; an unknown one gets the same 404 whatever its shape.
  if (!(await unsubscribeWithToken(token))) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return NextResponse.json({ status: "unsubscribed" });
}
