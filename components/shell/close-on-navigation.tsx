"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Placed inside a popover, hides it when the page changes: a client-side navigation (a nav link, a notification, an
 * org switch) keeps the header mounted, so an open popover would otherwise stay open over the new page.
 */
export function CloseOnNavigation() {
  const pathname = usePathname();
  const marker = useRef<HTMLSpanElement>(null);
  // The path the popover was rendered for: a popover opened before hydration must stay open when the effect first runs.
  const renderedFor = useRef(pathname);

  useEffect(() => {
    if (renderedFor.current === pathname) return;
    renderedFor.current = pathname;
    const popover = marker.current?.closest<HTMLElement>("[popover]");
    if (popover?.matches(":popover-open")) popover.hidePopover();
  }, [pathname]);

  return <span ref={marker} hidden />;
}
