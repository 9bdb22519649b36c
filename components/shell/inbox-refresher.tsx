"use client";

import dynamic from "next/dynamic";

/** The inbox's poll, loaded on its own after the page starts (as the service-status poll is), never server-rendered. */
export const InboxRefresher = dynamic(() => import("./inbox-refresher-live"), { ssr: false, loading: () => null });
