import { cookies } from "next/headers";
import { resolveDisplayZone, supportedTimeZones } from "@/lib/domain/time";
import type { ViewerTime } from "./local-time";

/** The cookie the server reads the viewer's time zone from. */
export const TIME_ZONE_COOKIE = "tz";

/**
 * Tells the server the browser's time zone in a cookie, so server-rendered times can be shown in it from the next
 * request on (until then they are labelled UTC). Written only when it changed; IANA ids need no escaping in a cookie.
 * Inline, so it carries the request's CSP nonce.
 */
const TZ_SCRIPT = `(function(){try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(z&&!/^[A-Za-z0-9_+\\-\\/]{1,64}$/.test(z))return;var c=document.cookie.match(/(?:^|; )${TIME_ZONE_COOKIE}=([^;]*)/);if(z&&(!c||c[1]!==z))document.cookie="${TIME_ZONE_COOKIE}="+z+";path=/;max-age=31536000;samesite=lax"}catch(e){}})()`;

export function TimeZoneScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: TZ_SCRIPT }} />;
}

/**
 * The viewer's zone from the `tz` cookie, validated against the zones this runtime knows, and the time now.
 * Outside a request (a page rendered by a script) there is no cookie, and times are labelled UTC.
 */
export async function getViewerTime(): Promise<ViewerTime> {
  return { zone: resolveDisplayZone(await readZoneCookie(), supportedTimeZones()), now: new Date() };
}

async function readZoneCookie(): Promise<string | undefined> {
  try {
    return (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  } catch {
    return undefined;
  }
}
