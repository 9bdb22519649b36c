import { FIELD_IDS } from "../reference";

/**
 * The issue fields this site has, as GET /field lists them. `navigable`
 * decides what `*navigable` (and an exclusion-only `fields` list) returns.
 */
export type FieldSchema = { type: string; items?: string; system?: string; custom?: string; customId?: number };
export type CatalogField = {
  id: string;
  name: string;
  custom: boolean;
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema: FieldSchema;
};

const field = (
  id: string,
  name: string,
  custom: boolean,
  clauseNames: string[],
  schema: FieldSchema,
  navigable = true,
  orderable = true,
): CatalogField => ({
  id,
  name,
  custom,
  navigable,
  orderable,
  searchable: clauseNames.length > 0,
  clauseNames,
  schema,
});

const system = (
  id: string,
  name: string,
  schema: FieldSchema,
  clauseNames: string[],
  navigable = true,
  orderable = true,
) => field(id, name, false, clauseNames, { ...schema, system: id }, navigable, orderable);

/** A Jira Software (greenhopper) custom field: searchable as `cf[<id>]` or by its name. */
const greenhopper = (id: string, name: string, schema: FieldSchema, plugin: string, customId: number) =>
  field(id, name, true, [`cf[${customId}]`, name], {
    ...schema,
    custom: `com.pyxis.greenhopper.jira:${plugin}`,
    customId,
  });

export const FIELD_CATALOG: CatalogField[] = [
  system("summary", "Summary", { type: "string" }, ["summary"]),
  system("description", "Description", { type: "string" }, ["description"]),
  system("status", "Status", { type: "status" }, ["status"], true, false),
  system("statusCategory", "Status Category", { type: "statusCategory" }, ["statusCategory"], true, false),
  system("issuetype", "Issue Type", { type: "issuetype" }, ["issuetype", "type"]),
  system("project", "Project", { type: "project" }, ["project"], true, false),
  system("priority", "Priority", { type: "priority" }, ["priority"]),
  system("assignee", "Assignee", { type: "user" }, ["assignee"]),
  system("reporter", "Reporter", { type: "user" }, ["reporter"]),
  system("creator", "Creator", { type: "user" }, ["creator"], true, false),
  system("labels", "Labels", { type: "array", items: "string" }, ["labels"]),
  system("components", "Components", { type: "array", items: "component" }, ["component"]),
  system("fixVersions", "Fix versions", { type: "array", items: "version" }, ["fixVersion"]),
  system("parent", "Parent", { type: "issuelink" }, ["parent"]),
  system("subtasks", "Sub-tasks", { type: "array", items: "issuelinks" }, ["subtasks"], true, false),
  system("issuelinks", "Linked Issues", { type: "array", items: "issuelinks" }, ["issueLink"]),
  system("resolution", "Resolution", { type: "resolution" }, ["resolution"]),
  system("resolutiondate", "Resolved", { type: "datetime" }, ["resolutiondate", "resolved"], true, false),
  system("created", "Created", { type: "datetime" }, ["created", "createdDate"], true, false),
  system("updated", "Updated", { type: "datetime" }, ["updated", "updatedDate"], true, false),
  system(
    "statuscategorychangedate",
    "Status Category Changed",
    { type: "datetime" },
    ["statusCategoryChangedDate"],
    true,
    false,
  ),
  system("comment", "Comment", { type: "comments-page" }, ["comment"], false),
  greenhopper(FIELD_IDS.storyPoints, "Story point estimate", { type: "number" }, "jsw-story-points", 10016),
  greenhopper(FIELD_IDS.rank, "Rank", { type: "any" }, "gh-lexo-rank", 10019),
  greenhopper(FIELD_IDS.sprint, "Sprint", { type: "array", items: "json" }, "gh-sprint", 10020),
];

export const FIELD_IDS_ALL = FIELD_CATALOG.map((f) => f.id);
export const FIELD_IDS_NAVIGABLE = FIELD_CATALOG.filter((f) => f.navigable).map((f) => f.id);

export function serializeFieldDetails(field: CatalogField) {
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    custom: field.custom,
    orderable: field.orderable,
    navigable: field.navigable,
    searchable: field.searchable,
    clauseNames: field.clauseNames,
    schema: field.schema,
  };
}

/**
 * Resolves a `fields` request (comma lists, repeated params, `*all`,
 * `*navigable`, `-x`) to field ids. `defaults` applies when nothing is asked.
 */
export function selectFields(requested: string[], defaults: string[]): string[] {
  const items = requested
    .flatMap((r) => r.split(","))
    .map((r) => r.trim())
    .filter(Boolean);
  if (items.length === 0) return defaults;
  const include = new Set<string>();
  const exclude = new Set<string>();
  let hasPositive = false;
  for (const item of items) {
    if (item.startsWith("-")) {
      exclude.add(item.slice(1));
      continue;
    }
    hasPositive = true;
    if (item === "*all") FIELD_IDS_ALL.forEach((id) => include.add(id));
    else if (item === "*navigable") FIELD_IDS_NAVIGABLE.forEach((id) => include.add(id));
    else include.add(item);
  }
  if (!hasPositive) FIELD_IDS_NAVIGABLE.forEach((id) => include.add(id));
  return [...include].filter((id) => !exclude.has(id));
}
