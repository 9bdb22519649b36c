import type { EmulatorRequest } from "../common/http";

/**
 * Query parameters as jira.js sends them: comma-joined arrays, `+` for
 * spaces, and `false` for options a caller left out (project versions).
 */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "" || raw === "false") return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

export function stringParam(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name);
  return raw === null || raw === "" || raw === "false" ? undefined : raw;
}

/** Every value of a possibly repeated, possibly comma-joined parameter. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .filter((v) => v !== "false")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === "true") return true;
  if (raw === "false") return false;
  return undefined;
}

/** `{startAt, maxResults, total, isLast, values}` as Jira's PageBean and the Agile lists shape it. */
export function pageOf<T>(items: T[], startAt: number, maxResults: number) {
  const values = items.slice(startAt, startAt + maxResults);
  return { maxResults, startAt, total: items.length, isLast: startAt + values.length >= items.length, values };
}

export function requestBaseUrl(req: EmulatorRequest, site: string): string {
  return `http://${req.headers.host ?? "127.0.0.1"}/${site}`;
}
