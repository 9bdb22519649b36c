import { QueryClient } from "@tanstack/react-query";

let browserQueryClient: QueryClient | undefined;

/**
 * The browser's one query client. Client queries run only in components that
 * are never server-rendered (the service-status poll loads with `ssr: false`),
 * so there is no per-request server client to make.
 */
export function getQueryClient() {
  return (browserQueryClient ??= new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } },
  }));
}
