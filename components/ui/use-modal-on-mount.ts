"use client";

import { useEffect, useRef } from "react";

/**
 * A ref for a <dialog> that shows while its component is mounted: it opens as a modal on mount, and on unmount the
 * focus goes back to what had it before. The dialog can leave the page without being closed, and closing is when
 * the browser would return the focus itself.
 */
export function useModalOnMount() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return dialog;
}
