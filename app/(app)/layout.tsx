import { QueryProvider } from "@/components/providers/query-provider";

/** Signed-in area: client-side data fetching is available below this layout. */
export default function AppLayout({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
