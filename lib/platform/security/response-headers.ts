/**
 * Headers for every response Bosun sends, whoever sends it: Next.js (next.config.ts) or the webhook front
 * (lib/platform/webhooks/front.ts). The nonce-based Content-Security-Policy is set per request in proxy.ts.
 */
export function securityHeaders({ production, publicUrl }: { production: boolean; publicUrl: string }) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(production && publicUrl.startsWith("https://")
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }]
      : []),
  ];
}
