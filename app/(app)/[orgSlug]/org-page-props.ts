/** The query string as Next hands it to a page: each name once, several times, or not at all. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** What Next passes a page under /[orgSlug]: the org's slug and, in a nested dynamic route, `Extra` params. */
export type OrgPageProps<Extra = object> = { params: Promise<{ orgSlug: string } & Extra> };

/** The same for a page that reads its query string, typed as `Search` where it reads named parameters. */
export type OrgSearchPageProps<Search = SearchParams> = OrgPageProps & { searchParams: Promise<Search> };

/** What Next passes a layout under /[orgSlug]. */
export type OrgLayoutProps = OrgPageProps & { children: React.ReactNode };
