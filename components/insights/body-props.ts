import type { SearchParams } from "@/app/(app)/[orgSlug]/org-page-props";

/** What an Insights page hands the body it streams: the org, the page's data as it loads, and the query string. */
export type InsightsBodyProps<Page> = {
  orgSlug: string;
  page: Promise<Page>;
  /** The page's search params: the tables' sortable headers read and keep them. */
  search?: SearchParams;
};
