import { type Router, parseJson } from "../../common/http";
import { SEED_OWNERSHIP, SEED_OWNERSHIP_TEAMS } from "../../seed/sentry-ownership";
import type { SentryApp } from "../app";
import { orgRoute } from "../auth";
import { fieldErrors, notFound } from "../errors";
import type { OrgState } from "../store";
import { iso } from "../time-range";

/**
 * GET/PUT /projects/{org}/{project}/ownership/ - a project's ownership rules
 * (`raw`) with their parsed `schema`, as Sentry's ProjectOwnership serializer
 * answers. PUT is partial and answers 202. `raw` is checked the way Sentry
 * checks it: each line must parse, and every owner must be a member's e-mail
 * or a team of the org; otherwise 400 `{raw: [message]}`.
 */

type Ownership = {
  raw: string;
  fallthrough: boolean;
  autoAssignment: string;
  codeownersAutoSync: boolean;
  isActive: boolean;
  dateCreatedMs: number;
  lastUpdatedMs: number;
};

type Owner = { type: "user" | "team"; id: string; name: string };
type Rule = { matcher: { type: string; pattern: string }; owners: Owner[] };

const AUTO_ASSIGNMENT = ["Auto Assign to Issue Owner", "Auto Assign to Suspect Commits", "Turn off Auto-Assignment"];
const MAX_RAW = 100_000;

// Keyed by the org's state object, which a reset replaces, so a reset also restores the seeded rules.
const stateByOrg = new WeakMap<OrgState, Map<string, Ownership>>();

function ownershipsOf(org: OrgState, nowMs: number): Map<string, Ownership> {
  let state = stateByOrg.get(org);
  if (!state) {
    state = new Map();
    for (const seeded of SEED_OWNERSHIP[org.data.slug] ?? []) {
      const project = org.projectBySlug.get(seeded.projectSlug);
      if (!project) continue;
      state.set(project.id, {
        raw: seeded.raw,
        fallthrough: true,
        autoAssignment: AUTO_ASSIGNMENT[0] as string,
        codeownersAutoSync: true,
        isActive: true,
        dateCreatedMs: project.dateCreated.getTime(),
        lastUpdatedMs: nowMs,
      });
    }
    stateByOrg.set(org, state);
  }
  return state;
}

function teamsOf(org: OrgState) {
  return [
    org.data.team,
    ...(SEED_OWNERSHIP_TEAMS[org.data.slug] ?? []).map((t, i) => ({ id: `${4_800_000 + i}`, ...t })),
  ];
}

/** Sentry's ownership grammar, line by line: `type:pattern owner…`, a bare pattern being a path (or a CODEOWNERS line). */
function parseRaw(org: OrgState, raw: string): { rules: Rule[] } | { error: string } {
  const users = new Map(org.data.users.map((u) => [u.email.toLowerCase(), u]));
  const teams = new Map(teamsOf(org).map((t) => [t.slug, t]));
  const rules: Rule[] = [];
  const invalid: string[] = [];
  for (const source of raw.split(/\r?\n/)) {
    const line = source.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [matcherText, ...ownerTokens] = line.split(/\s+/) as [string, ...string[]];
    if (ownerTokens.length === 0) return { error: `Parse error: expected owners at line "${line}"` };
    const typed = /^(url|path|module|codeowners|tags\.[^:]+):(.+)$/.exec(matcherText);
    const codeowners = !typed && ownerTokens.some((t) => t.startsWith("@"));
    const matcher = typed
      ? { type: typed[1] as string, pattern: typed[2] as string }
      : { type: codeowners ? "codeowners" : "path", pattern: matcherText };
    const owners: Owner[] = [];
    for (const token of ownerTokens) {
      const teamSlug = token.startsWith("#") ? token.slice(1) : token.startsWith("@") ? token.split("/").pop() : null;
      if (teamSlug !== null && teamSlug !== undefined) {
        const team = teams.get(teamSlug.replace(/^@/, ""));
        if (team) owners.push({ type: "team", id: team.id, name: team.slug });
        else invalid.push(token);
        continue;
      }
      const user = users.get(token.toLowerCase());
      if (user) owners.push({ type: "user", id: user.id, name: user.email });
      else invalid.push(token);
    }
    rules.push({ matcher, owners });
  }
  if (invalid.length > 0) return { error: `Invalid rule owners: ${[...new Set(invalid)].join(", ")}` };
  return { rules };
}

function serialize(org: OrgState, ownership: Ownership) {
  const parsed = parseRaw(org, ownership.raw);
  return {
    raw: ownership.raw,
    fallthrough: ownership.fallthrough,
    dateCreated: iso(ownership.dateCreatedMs),
    lastUpdated: iso(ownership.lastUpdatedMs),
    isActive: ownership.isActive,
    autoAssignment: ownership.autoAssignment,
    codeownersAutoSync: ownership.codeownersAutoSync,
    schema: "rules" in parsed && ownership.raw.trim() !== "" ? { $version: 1, rules: parsed.rules } : null,
  };
}

function validatePut(
  org: OrgState,
  body: unknown,
): { update: Partial<Ownership> } | { errors: Record<string, string[]> } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { errors: { detail: ["Invalid body"] } };
  const input = body as Record<string, unknown>;
  const update: Partial<Ownership> = {};
  const errors: Record<string, string[]> = {};
  if ("raw" in input) {
    if (typeof input.raw !== "string") errors.raw = ["Not a valid string."];
    else if (input.raw.length > MAX_RAW) errors.raw = [`Raw needs to be <= ${MAX_RAW} characters in length`];
    else {
      const parsed = parseRaw(org, input.raw);
      if ("error" in parsed) errors.raw = [parsed.error];
      else update.raw = input.raw;
    }
  }
  for (const key of ["fallthrough", "codeownersAutoSync"] as const) {
    if (!(key in input)) continue;
    if (typeof input[key] === "boolean") update[key] = input[key];
    else errors[key] = ["Must be a valid boolean."];
  }
  if ("autoAssignment" in input) {
    if (typeof input.autoAssignment === "string" && AUTO_ASSIGNMENT.includes(input.autoAssignment))
      update.autoAssignment = input.autoAssignment;
    else errors.autoAssignment = [`"${String(input.autoAssignment)}" is not a valid choice.`];
  }
  return Object.keys(errors).length > 0 ? { errors } : { update };
}

function blank(projectCreatedMs: number, nowMs: number): Ownership {
  return {
    raw: "",
    fallthrough: true,
    autoAssignment: AUTO_ASSIGNMENT[0] as string,
    codeownersAutoSync: true,
    isActive: true,
    dateCreatedMs: projectCreatedMs,
    lastUpdatedMs: nowMs,
  };
}

export function registerOwnershipRoutes(router: Router, app: SentryApp) {
  const path = "/api/0/projects/:org/:project/ownership/";

  // GET - the project's ownership rules; a project without any answers an empty, active configuration, as Sentry does.
  router.get(
    path,
    orgRoute(app.store, (req, org) => {
      const project = app.store.findProject(org, req.params.project ?? "");
      if (!project) return notFound();
      const nowMs = app.store.now();
      const ownership = ownershipsOf(org, nowMs).get(project.id) ?? blank(project.dateCreated.getTime(), nowMs);
      return { status: 200, body: serialize(org, ownership) };
    }),
  );

  // PUT - a partial update; 202 with the whole configuration.
  router.put(
    path,
    orgRoute(app.store, (req, org) => {
      const project = app.store.findProject(org, req.params.project ?? "");
      if (!project) return notFound();
      const checked = validatePut(org, parseJson(req));
      if ("errors" in checked) return fieldErrors(checked.errors);
      const nowMs = app.store.now();
      const state = ownershipsOf(org, nowMs);
      const next = { ...(state.get(project.id) ?? blank(nowMs, nowMs)), ...checked.update, lastUpdatedMs: nowMs };
      state.set(project.id, next);
      app.store.touch();
      return { status: 202, body: serialize(org, next) };
    }),
  );
}
