import type { JiraIssue } from "../model";
import type { JiraSite, SiteIndexes } from "../store";
import { type JqlField, type ResolveContext, findJqlField, resolveDate } from "./fields";
import { type Clause, JqlError, type JqlNode } from "./parser";

/**
 * Turns a parsed JQL condition into a predicate. All values are resolved up
 * front (unknown values fail the whole query, as in Jira), and equality
 * clauses on indexed fields also yield a candidate list so large sites are not
 * scanned in full.
 */
export type Predicate = (issue: JiraIssue) => boolean;
export type Compiled = { test: Predicate; candidates: (indexes: SiteIndexes) => JiraIssue[] | null };

const INDEXED: Record<string, keyof Pick<SiteIndexes, "byProject" | "bySprint" | "byStatus" | "byAssignee">> = {
  project: "byProject",
  sprint: "bySprint",
  status: "byStatus",
  assignee: "byAssignee",
};

function compileSetClause(field: JqlField, clause: Clause, ctx: ResolveContext, site: JiraSite): Compiled {
  const { operator } = clause;
  if (!["=", "!=", "in", "not in", "is", "is not"].includes(operator))
    throw new JqlError(`The operator '${operator}' is not supported by the '${field.name}' field.`);
  const isEmptyOp = operator === "is" || operator === "is not";
  const hasEmpty = clause.values.some((v) => v.kind === "empty");
  if (isEmptyOp && !hasEmpty)
    throw new JqlError(
      `The operator '${operator}' only supports the values EMPTY and NULL for the field '${field.name}'.`,
    );
  if (hasEmpty && !field.canBeEmpty)
    throw new JqlError(`The field '${field.name}' does not support searching for EMPTY values.`);
  const wanted = new Set(clause.values.flatMap((v) => field.resolve(v, ctx)));
  const positive = operator === "=" || operator === "in" || operator === "is";
  const values = field.values;

  const test: Predicate = (issue) => {
    const actual = values(issue, site);
    if (actual.length === 0) return positive ? hasEmpty : false;
    const matches = actual.some((v) => wanted.has(v));
    if (positive) return matches;
    // `!=` and `not in` never match empty values in Jira, unless EMPTY itself is excluded.
    return !matches;
  };
  const indexName = INDEXED[field.name];
  const candidates = (indexes: SiteIndexes): JiraIssue[] | null => {
    if (!positive || !indexName) return null;
    const index = indexes[indexName] as Map<string | number, JiraIssue[]>;
    const keys = [...wanted].map((k) => (field.name === "sprint" ? Number(k) : k));
    if (hasEmpty) {
      if (field.name !== "assignee") return null;
      keys.push("");
    }
    if (keys.length === 1) return index.get(keys[0] as string) ?? [];
    const seen = new Set<JiraIssue>();
    for (const key of keys) for (const issue of index.get(key as string) ?? []) seen.add(issue);
    return [...seen].sort((a, b) => a.rank - b.rank);
  };
  return { test, candidates };
}

function compileScalarClause(field: JqlField, clause: Clause, ctx: ResolveContext): Compiled {
  const scalar = field.scalar as (issue: JiraIssue) => number | null;
  const parse = (v: Clause["values"][number]): number | null => {
    if (field.kind === "date") return resolveDate(v, field.name, ctx);
    if (v.kind === "empty") return null;
    if (v.kind === "literal" && v.text.trim() !== "" && Number.isFinite(Number(v.text))) return Number(v.text);
    throw new JqlError(
      `The value '${v.kind === "literal" ? v.text : `${v.name}()`}' is not a valid number for the field '${field.name}'.`,
    );
  };
  const values = clause.values.map(parse);
  const { operator } = clause;
  if ((operator === "is" || operator === "is not") && values.some((v) => v !== null))
    throw new JqlError(
      `The operator '${operator}' only supports the values EMPTY and NULL for the field '${field.name}'.`,
    );
  const target = values[0] ?? null;
  const set = new Set(values);
  const compare: Record<string, (a: number) => boolean> = {
    "=": (a) => set.has(a),
    in: (a) => set.has(a),
    "!=": (a) => !set.has(a),
    "not in": (a) => !set.has(a),
    ">": (a) => target !== null && a > target,
    ">=": (a) => target !== null && a >= target,
    "<": (a) => target !== null && a < target,
    "<=": (a) => target !== null && a <= target,
    "is not": () => true,
    is: () => false,
  };
  const check = compare[operator] as (a: number) => boolean;
  const matchesEmpty = (operator === "is" || operator === "=" || operator === "in") && set.has(null);
  const test: Predicate = (issue) => {
    const actual = scalar(issue);
    if (actual === null) return matchesEmpty;
    if (field.kind === "date" && (operator === "=" || operator === "!=")) {
      // A date written to the day matches the whole day.
      const day = Math.floor(actual / 86_400_000) * 86_400_000;
      return operator === "=" ? set.has(actual) || set.has(day) : !(set.has(actual) || set.has(day));
    }
    return check(actual);
  };
  return { test, candidates: () => null };
}

export function compileNode(node: JqlNode, ctx: ResolveContext, site: JiraSite): Compiled {
  if (node.kind === "clause") {
    const field = findJqlField(node.field);
    return field.kind === "set" ? compileSetClause(field, node, ctx, site) : compileScalarClause(field, node, ctx);
  }
  if (node.kind === "not") {
    const inner = compileNode(node.item, ctx, site);
    return { test: (issue) => !inner.test(issue), candidates: () => null };
  }
  const parts = node.items.map((item) => compileNode(item, ctx, site));
  if (node.kind === "and") {
    return {
      test: (issue) => parts.every((p) => p.test(issue)),
      candidates: (indexes) => {
        let best: JiraIssue[] | null = null;
        for (const part of parts) {
          const list = part.candidates(indexes);
          if (list && (!best || list.length < best.length)) best = list;
        }
        return best;
      },
    };
  }
  return { test: (issue) => parts.some((p) => p.test(issue)), candidates: () => null };
}
