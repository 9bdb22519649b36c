"use client";

import dynamic from "next/dynamic";

/**
 * A quiet line in the sidebar that turns red when Bosun's own backend is in
 * trouble; polled every minute. It shows nothing until the first answer, so it
 * is never server-rendered, and it loads as its own chunk after the page
 * starts: the poll and React Query stay out of every page's first-load JS.
 */
export const ServiceStatus = dynamic(() => import("./service-status-live"), { ssr: false, loading: () => null });
