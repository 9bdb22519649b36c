import { createHmac } from "node:crypto";
import fc from "fast-check";
import {
  DEMO_GITHUB_WEBHOOK_SECRETS,
  DEMO_JIRA_WEBHOOK_SECRETS,
  DEMO_SENTRY_WEBHOOK_SECRETS,
  WORKOS_DEMO_WEBHOOK_SECRET,
} from "@/lib/platform/config/demo";
import { branchCreatedPayload, pingPayload, pullRequestPayload } from "@/emulators/github/payloads";
import { issueBean, issueUpdated, sprintEvent, sprintItem, statusItem } from "@/test/jira-webhook-payloads";
import { deeplyMutated, hostileString, malformedJson, randomJson, toJson } from "./arbitraries";
import { world } from "./world";

/**
 * Every route handler Bosun exports, with generators of the requests it can
 * get: query strings, headers, cookies and bodies, and for webhooks bodies
 * signed with the org's real secret, so that the payload checks behind the
 * signature are reached.
 */
export type GeneratedRequest = {
  path: string;
  query: [string, string][];
  headers: [string, string][];
  body?: string;
  params: Record<string, unknown>;
};

export type RouteContext = {
  sentryIssue: Record<string, unknown>;
  sentryIssueIds: string[];
  mcpBodies: fc.Arbitrary<unknown>;
  /** An Authorization header for the MCP endpoint, by who holds it. */
  mcpAuthorization: fc.Arbitrary<string | null>;
};

export type RouteSpec = {
  /** Path under app/ without the extension. */
  file: string;
  method: string;
  request: (c: RouteContext) => fc.Arbitrary<GeneratedRequest>;
  /** Its effects can change who may do what (a deprovisioned member): restore the baseline after it. */
  disturbs?: boolean;
};

const acme = world.orgs.find((o) => o.slug === "acme")!;
const globex = world.orgs.find((o) => o.slug === "globex")!;

/** A URL segment as Next hands it over: always a (decoded) string, mostly a real org. */
const slugSegment = fc.oneof(
  { arbitrary: fc.constant("acme"), weight: 12 },
  { arbitrary: fc.constantFrom("globex", "nope", "ACME", "acme/../globex", "-acme", "%00", ""), weight: 1 },
  { arbitrary: hostileString.filter((s) => s.length < 2_000), weight: 1 },
);

/** Broken Unicode cannot be percent-encoded; the URL then carries a placeholder, the handler still gets the segment. */
const encodeSegment = (segment: string) => {
  try {
    return encodeURIComponent(segment);
  } catch {
    return "segment";
  }
};

const hmacHex = (secret: string, data: string) => createHmac("sha256", secret).update(data, "utf8").digest("hex");

/** Odd but legal query strings and headers: hostile values under real and random names. */
const queryPairs = (names: string[]) =>
  fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })),
      fc.oneof(
        fc.constantFrom(""),
        hostileString.filter((s) => s.length < 5_000),
      ),
    ),
    { maxLength: 4 },
  );
const headerValue = fc.oneof(
  fc.constantFrom("", "x", "null", "-1", "999999999999", "application/json", "text/plain", "gzip", "bytes=0-1"),
  fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
);
const extraHeaders = fc.array(
  fc.tuple(
    fc.constantFrom(
      "content-type",
      "accept",
      "x-request-id",
      "x-forwarded-for",
      "content-encoding",
      "origin",
      "user-agent",
      "x-fuzz",
    ),
    headerValue,
  ),
  { maxLength: 3 },
);
const cookieHeader = fc
  .array(
    fc.tuple(
      fc.constantFrom("wos-session", "wos-auth-verifier", "x"),
      fc.string({ unit: "grapheme-ascii", maxLength: 60 }).map((v) => v.replace(/[;,\s]/g, "")),
    ),
    { maxLength: 2 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("; "));

/** Bodies for a JSON endpoint: JSON documents (valid-ish and random), malformed text, or very large. */
const jsonBodies = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { arbitrary: valid.map(toJson), weight: 5 },
    { arbitrary: deeplyMutated(valid).map(toJson), weight: 4 },
    { arbitrary: randomJson.map(toJson), weight: 2 },
    { arbitrary: malformedJson, weight: 2 },
    { arbitrary: fc.constantFrom(1_000_001, 1_200_000).map((n) => `{"a":"${"x".repeat(n)}"}`), weight: 1 },
  );

type Signer = (body: string) => [string, string][];

/** A webhook request: signed right (most of the time), wrongly, stale, or not at all. */
function webhook(
  path: string,
  orgSlug: fc.Arbitrary<unknown> | null,
  bodies: fc.Arbitrary<string>,
  kinds: fc.Arbitrary<[string, string][]>,
  sign: (slug: unknown) => Signer | null,
): fc.Arbitrary<GeneratedRequest> {
  return fc
    .tuple(
      orgSlug ?? fc.constant(null),
      bodies,
      kinds,
      fc.oneof(
        { arbitrary: fc.constant("right"), weight: 8 },
        { arbitrary: fc.constantFrom("wrong", "none", "stale"), weight: 3 },
      ),
      extraHeaders,
    )
    .map(([slug, body, kindHeaders, signing, extra]) => {
      const signer = sign(slug);
      let signature: [string, string][] = [];
      if (signer && signing === "right") signature = signer(body);
      if (signer && signing === "stale")
        signature = signer(body).map(([k, v]) => [
          k,
          k.endsWith("timestamp") ? "1000000000" : v.replace(/t=\d+/, "t=1000000000000"),
        ]);
      if (signing === "wrong") signature = signer ? signer(`${body} `) : [["x-hub-signature-256", "sha256=00"]];
      return {
        path,
        query: [],
        headers: [["content-type", "application/json"], ...kindHeaders, ...signature, ...extra],
        body,
        params: slug === null ? {} : { orgSlug: slug },
      };
    });
}

export function buildRouteCatalog(): RouteSpec[] {
  const webhookSlug = fc.oneof(
    { arbitrary: fc.constantFrom("acme", "globex"), weight: 8 },
    { arbitrary: slugSegment, weight: 1 },
  );
  const slugSecret = (secrets: Record<string, string>) => (slug: unknown) =>
    typeof slug === "string" ? secrets[slug] : undefined;
  const repo = "acme-maritime/tracking";
  const jiraKey = `${acme.jira.projects[0]!.key}-1`;
  const githubPayloads = fc.oneof(
    fc.constant(branchCreatedPayload({ repo, branch: `feature/${jiraKey}-fuzz` })),
    fc.constant(
      pullRequestPayload({
        repo,
        number: 7,
        title: `${jiraKey} Fuzz`,
        branch: `feature/${jiraKey}`,
        action: "closed",
        merged: true,
      }),
    ),
    fc.constant(pingPayload({ repo, hookId: 1 })),
  );
  const workosEvents = fc.oneof(
    fc.record({
      id: fc.uuid().map((u) => `event_${u}`),
      event: fc.constantFrom("user.created", "user.updated"),
      data: fc.record({
        id: fc.constantFrom(...world.people.map((p) => p.workosUserId), "user_new"),
        email: fc.oneof(fc.constantFrom(...world.people.map((p) => p.email)), fc.emailAddress()),
        first_name: fc.option(fc.string()),
        last_name: fc.option(fc.string()),
      }),
      created_at: fc.constant(new Date().toISOString()),
    }),
    fc.record({
      id: fc.uuid().map((u) => `event_${u}`),
      event: fc.constantFrom(
        "organization_membership.created",
        "organization_membership.updated",
        "organization_membership.deleted",
      ),
      data: fc.record({
        id: fc.string({ minLength: 1, maxLength: 12 }),
        user_id: fc.constantFrom(...world.people.map((p) => p.workosUserId)),
        organization_id: fc.constantFrom(acme.workosOrgId, globex.workosOrgId, "org_unknown"),
        status: fc.constantFrom("active", "inactive", "pending"),
        role: fc.option(fc.record({ slug: fc.constantFrom("admin", "manager", "member", "owner") })),
      }),
      created_at: fc.constant(new Date().toISOString()),
    }),
    fc.record({
      id: fc.uuid().map((u) => `event_${u}`),
      event: fc.constantFrom("dsync.user.updated", "dsync.user.deleted", "connection.activated"),
      data: fc.record({
        id: fc.string({ minLength: 1 }),
        organization_id: fc.constantFrom(acme.workosOrgId, globex.workosOrgId),
        email: fc.constantFrom(...world.people.map((p) => p.email)),
        state: fc.constantFrom("active", "suspended", "inactive"),
      }),
      created_at: fc.constant(new Date().toISOString()),
    }),
  );

  return [
    {
      file: "api/webhooks/sentry/[orgSlug]/route",
      method: "POST",
      request: (c) => {
        const payloads = fc.oneof(
          fc.record({
            action: fc.constantFrom("created", "unresolved", "resolved"),
            data: fc.constant({ issue: c.sentryIssue }),
            installation: fc.constant({ uuid: "fuzz" }),
          }),
          fc.record({
            action: fc.constant("triggered"),
            data: fc.record({
              event: fc.record({ issue_id: fc.constantFrom(...c.sentryIssueIds, 42), release: fc.option(fc.string()) }),
            }),
          }),
          fc.record({
            action: fc.constantFrom("critical", "warning", "resolved"),
            data: fc.record({
              description_text: fc.option(fc.string()),
              metric_alert: fc.record({
                id: fc.nat(),
                title: fc.string(),
                projects: fc.array(fc.string(), { maxLength: 2 }),
              }),
            }),
          }),
        );
        const kinds = fc.oneof(
          {
            arbitrary: fc
              .constantFrom("issue", "event_alert", "metric_alert", "installation", "comment")
              .map((kind): [string, string][] => [["sentry-hook-resource", kind]]),
            weight: 6,
          },
          { arbitrary: fc.constant<[string, string][]>([]), weight: 1 },
          {
            arbitrary: hostileString
              .filter((s) => s.length < 100 && /^[\x20-\x7e]*$/.test(s))
              .map((kind): [string, string][] => [["sentry-hook-resource", kind]]),
            weight: 1,
          },
        );
        return webhook("/api/webhooks/sentry", webhookSlug, jsonBodies(payloads), kinds, (slug) => {
          const secret = slugSecret(DEMO_SENTRY_WEBHOOK_SECRETS)(slug);
          return secret
            ? (body) => [
                ["sentry-hook-signature", hmacHex(secret, body)],
                ["sentry-hook-timestamp", String(Math.floor(Date.now() / 1000))],
              ]
            : null;
        });
      },
    },
    {
      file: "api/webhooks/github/[orgSlug]/route",
      method: "POST",
      request: () => {
        const kinds = fc.oneof(
          {
            arbitrary: fc
              .constantFrom("create", "pull_request", "ping", "push")
              .map((kind): [string, string][] => [["x-github-event", kind]]),
            weight: 6,
          },
          { arbitrary: fc.constant<[string, string][]>([]), weight: 1 },
        );
        return webhook("/api/webhooks/github", webhookSlug, jsonBodies(githubPayloads), kinds, (slug) => {
          const secret = slugSecret(DEMO_GITHUB_WEBHOOK_SECRETS)(slug);
          return secret ? (body) => [["x-hub-signature-256", `sha256=${hmacHex(secret, body)}`]] : null;
        });
      },
    },
    {
      file: "api/webhooks/jira/[orgSlug]/route",
      method: "POST",
      request: () => {
        const payloads = fc.oneof(
          fc
            .constantFrom("sprint_started", "sprint_closed", "sprint_created", "sprint_updated" as const)
            .chain((event) =>
              fc
                .record({ id: fc.integer({ min: -5, max: 10_000 }), originBoardId: fc.option(fc.nat()) })
                .map((sprint) => sprintEvent(event, sprint)),
            ),
          fc
            .record({ key: fc.constantFrom(jiraKey, "NOPE-1"), sprintIds: fc.array(fc.nat(), { maxLength: 3 }) })
            .map(({ key, sprintIds }) =>
              issueUpdated({
                issue: issueBean({ key, sprintIds }),
                items: [sprintItem("", "7"), statusItem("3", "10")],
              }),
            ),
        );
        // Jira's delivery identifier, or none (intake then keys the delivery by the body).
        const kinds = fc.oneof(
          {
            arbitrary: fc.uuid().map((id): [string, string][] => [["x-atlassian-webhook-identifier", id]]),
            weight: 6,
          },
          { arbitrary: fc.constant<[string, string][]>([]), weight: 1 },
        );
        return webhook("/api/webhooks/jira", webhookSlug, jsonBodies(payloads), kinds, (slug) => {
          const secret = slugSecret(DEMO_JIRA_WEBHOOK_SECRETS)(slug);
          return secret ? (body) => [["x-hub-signature", `sha256=${hmacHex(secret, body)}`]] : null;
        });
      },
    },
    {
      file: "api/webhooks/workos/route",
      method: "POST",
      disturbs: true,
      request: () =>
        webhook("/api/webhooks/workos", null, jsonBodies(workosEvents), fc.constant([]), () => (body) => {
          const t = String(Date.now());
          return [["workos-signature", `t=${t}, v1=${hmacHex(WORKOS_DEMO_WEBHOOK_SECRET, `${t}.${body}`)}`]];
        }),
    },
    ...["POST", "DELETE", "GET"].map((method): RouteSpec => ({
      file: "api/mcp/route",
      method,
      request: (c) =>
        fc
          .tuple(
            c.mcpAuthorization,
            method === "GET"
              ? fc.constant(undefined)
              : fc.oneof(
                  { arbitrary: c.mcpBodies.map(toJson), weight: 6 },
                  { arbitrary: jsonBodies(fc.constant({ jsonrpc: "2.0", id: 1, method: "ping" })), weight: 2 },
                ),
            fc.oneof(
              { arbitrary: fc.constant("application/json, text/event-stream"), weight: 8 },
              { arbitrary: fc.constantFrom("application/json", "text/event-stream", "*/*", ""), weight: 1 },
            ),
            extraHeaders,
          )
          .map(([authorization, body, accept, extra]) => ({
            path: "/api/mcp",
            query: [],
            headers: [
              ["content-type", "application/json"],
              ["accept", accept],
              ...(authorization === null ? [] : ([["authorization", authorization]] as [string, string][])),
              ...extra,
            ],
            body,
            params: {},
          })),
    })),
    {
      file: "api/health/route",
      method: "GET",
      request: () =>
        fc
          .tuple(queryPairs(["verbose"]), extraHeaders)
          .map(([query, headers]) => ({ path: "/api/health", query, headers, params: {} })),
    },
    {
      file: "api/orgs/[orgSlug]/audit-log/export/route",
      method: "GET",
      request: () =>
        fc
          .tuple(
            slugSegment,
            fc.record({
              actor: fc.option(
                fc.oneof(
                  fc.constantFrom("ada@acme.test", "%", "_"),
                  hostileString.filter((s) => s.length < 500),
                ),
              ),
              action: fc.option(
                fc.oneof(
                  fc.constantFrom("user.signed_in", "api_key"),
                  hostileString.filter((s) => s.length < 500),
                ),
              ),
              from: fc.option(
                fc.oneof(
                  { arbitrary: fc.constantFrom("2026-01-01", "2026-11-01"), weight: 4 },
                  { arbitrary: fc.constantFrom("2026-02-30", "1000-01-01", "9999-12-31", "x"), weight: 1 },
                ),
              ),
              to: fc.option(
                fc.oneof(
                  { arbitrary: fc.constantFrom("2026-12-31", "2027-01-01"), weight: 4 },
                  { arbitrary: fc.constantFrom("2025-01-01", "2026-13-01"), weight: 1 },
                ),
              ),
            }),
            fc.oneof(
              { arbitrary: fc.constant([]), weight: 3 },
              { arbitrary: queryPairs(["actor", "action", "from", "to"]), weight: 1 },
            ),
            extraHeaders,
          )
          .map(([slug, filters, extra, headers]) => ({
            path: `/api/orgs/${encodeSegment(slug)}/audit-log/export`,
            query: [
              ...Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"),
              ...extra,
            ],
            headers,
            params: { orgSlug: slug },
          })),
    },
    {
      file: "api/orgs/[orgSlug]/insights/export/route",
      method: "GET",
      request: () =>
        fc
          .tuple(
            slugSegment,
            queryPairs(["table", "format", "days", "environment", "project", "board", "sprint"]),
            extraHeaders,
          )
          .map(([slug, query, headers]) => ({
            path: `/api/orgs/${encodeSegment(slug)}/insights/export`,
            query,
            headers,
            params: { orgSlug: slug },
          })),
    },
    {
      file: ".well-known/oauth-protected-resource/[[...path]]/route",
      method: "GET",
      request: () =>
        fc
          .tuple(
            fc.option(
              fc.array(
                fc.oneof(
                  fc.constantFrom("api", "mcp"),
                  hostileString.filter((s) => s.length < 200),
                ),
                { maxLength: 3 },
              ),
              { nil: undefined },
            ),
            queryPairs(["resource"]),
          )
          .map(([path, query]) => ({
            path: "/.well-known/oauth-protected-resource",
            query,
            headers: [],
            params: path === undefined ? {} : { path },
          })),
    },
    {
      file: "(auth)/sign-in/route",
      method: "GET",
      request: () =>
        fc
          .tuple(
            queryPairs(["returnTo"]),
            fc.option(
              fc.oneof(
                fc.constantFrom(
                  "/acme/sprints",
                  "//evil.example",
                  "https://evil.example",
                  "/\\evil.example",
                  "/%2F%2Fevil",
                ),
                hostileString.filter((s) => s.length < 2_000),
              ),
            ),
          )
          .map(([query, returnTo]) => ({
            path: "/sign-in",
            query: returnTo === null ? query : [["returnTo", returnTo], ...query],
            headers: [],
            params: {},
          })),
    },
    {
      file: "(auth)/switch-org/route",
      method: "GET",
      request: () =>
        fc
          .tuple(
            fc.option(slugSegment),
            fc.option(
              fc.oneof(
                fc.constantFrom(
                  "/acme/sprints",
                  "/globex",
                  "//evil.example",
                  "https://evil.example/acme",
                  "/\\evil.example",
                ),
                hostileString.filter((s) => s.length < 2_000),
              ),
            ),
            fc.boolean(),
            queryPairs(["org", "returnTo"]),
          )
          .map(([org, returnTo, prefetch, query]) => ({
            path: "/switch-org",
            query: [
              ...(org === null ? [] : ([["org", org]] as [string, string][])),
              ...(returnTo === null ? [] : ([["returnTo", returnTo]] as [string, string][])),
              ...query,
            ],
            headers: prefetch ? ([["next-router-prefetch", "1"]] as [string, string][]) : [],
            params: {},
          })),
    },
    {
      file: "api/orgs/[orgSlug]/notifications/unread/route",
      method: "GET",
      request: () =>
        fc.tuple(slugSegment, queryPairs(["since"])).map(([slug, query]) => ({
          path: `/api/orgs/${encodeSegment(slug)}/notifications/unread`,
          query,
          headers: [],
          params: { orgSlug: slug },
        })),
    },
    {
      file: "api/orgs/[orgSlug]/palette/route",
      method: "GET",
      request: () =>
        fc
          .tuple(
            slugSegment,
            fc.option(
              fc.oneof(
                { arbitrary: fc.constantFrom("", "spr", "ACME-12", "acme-web-1a", "web@1.0.0", "settings"), weight: 4 },
                { arbitrary: hostileString.filter((s) => s.length < 500), weight: 1 },
              ),
            ),
            queryPairs(["q"]),
            extraHeaders,
          )
          .map(([slug, q, extra, headers]) => ({
            path: `/api/orgs/${encodeSegment(slug)}/palette`,
            query: [...(q === null ? [] : ([["q", q]] as [string, string][])), ...extra],
            headers,
            params: { orgSlug: slug },
          })),
    },
    {
      file: "(app)/[orgSlug]/notifications/[id]/route",
      method: "GET",
      request: () =>
        fc
          .tuple(
            slugSegment,
            fc.oneof(
              fc.constantFrom("nope", "clx0000000000000000000000", "..%2F..%2Fglobex", ""),
              hostileString.filter((s) => s.length < 500),
            ),
            queryPairs(["next"]),
          )
          .map(([slug, id, query]) => ({
            path: `/${encodeSegment(slug)}/notifications/${encodeSegment(id)}`,
            query,
            headers: [],
            params: { orgSlug: slug, id },
          })),
    },
    {
      file: "unsubscribe/[token]/one-click/route",
      method: "POST",
      request: () =>
        fc
          .tuple(
            fc.oneof(
              fc.constantFrom("A".repeat(43), "nope", "", "../../api/health"),
              hostileString.filter((s) => s.length < 500),
            ),
            fc.constantFrom("List-Unsubscribe=One-Click", "", "x=y"),
          )
          .map(([token, body]) => ({
            path: `/unsubscribe/${encodeSegment(token)}/one-click`,
            query: [],
            headers: [["content-type", "application/x-www-form-urlencoded"]],
            body,
            params: { token },
          })),
    },
    {
      file: "(auth)/sign-out/route",
      method: "GET",
      request: () =>
        fc.tuple(queryPairs(["reason"]), cookieHeader).map(([query, cookie]) => ({
          path: "/sign-out",
          query,
          headers: cookie ? [["cookie", cookie]] : [],
          params: {},
        })),
    },
    {
      file: "(auth)/callback/route",
      method: "GET",
      request: () =>
        fc
          .tuple(
            fc.option(
              fc.oneof(
                fc.constantFrom("01HZZZZZZZZZZZZZZZZZZZZZZZ"),
                hostileString.filter((s) => s.length < 2_000),
              ),
            ),
            fc.option(
              fc.oneof(
                fc.constantFrom("eyJub25jZSI6IngifQ", "Fe26.2**0**x*y"),
                hostileString.filter((s) => s.length < 2_000),
              ),
            ),
            cookieHeader,
            fc.boolean(),
            queryPairs(["error", "error_description"]),
          )
          .map(([code, state, cookie, verifierMatchesState, query]) => {
            // The legacy verifier cookie equal to the state gets past AuthKit's CSRF check to the sealed state itself.
            const verifier =
              verifierMatchesState && state && /^[\x21-\x7e]+$/.test(state) && !/[;,]/.test(state)
                ? `wos-auth-verifier=${state}`
                : "";
            const cookies = [cookie, verifier].filter(Boolean).join("; ");
            return {
              path: "/callback",
              query: [
                ...(code === null ? [] : ([["code", code]] as [string, string][])),
                ...(state === null ? [] : ([["state", state]] as [string, string][])),
                ...query,
              ],
              headers: cookies ? ([["cookie", cookies]] as [string, string][]) : [],
              params: {},
            };
          }),
    },
  ];
}
