import { QueryClient, isServer } from "@tanstack/react-query";

/** One factory: a fresh client per server request, a singleton in the browser. */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Above zero, so data prefetched on the server is not refetched at once on the client.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient() {
  if (isServer) return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}
