import type { UpstreamContext, UpstreamMessage } from "./types";
import { firstQuoted, inProjects, listWithOr, sentence } from "./wording";

/**
 * Jira's 400 answers name a field, either as an ErrorCollection entry ("fixVersions: Version name '0.1.0' is
 * not valid", as lib/integrations/jira writes it) or in a JQL error ("The value '0.1.0' does not exist for the
 * field 'fixVersion'."). This finds the field and the value Jira refused and says what to do about them.
 */

type FieldError = { field: string; value: string | null; words: string };

const JQL_VALUE = /The value '([^']*)' does not exist for the field '([^']+)'/;
const JQL_ISSUE_KEY = /An issue with key '([^']*)' does not exist for field/;
const UNKNOWN_FIELD = /Field '([^']+)' does not exist or you do not have permission/;
const CANNOT_SET = /Field '([^']+)' cannot be set/;
const COLLECTION_ENTRY =
  /(?:^|\s)(fixVersions?|versions?|project|issuetype|priority|assignee|reporter|customfield_\d+|components?|labels|parent|summary|description|duedate|sprint)\s*:\s*/i;

function findFieldError(text: string): FieldError | null {
  const jql = JQL_VALUE.exec(text);
  if (jql?.[2]) return { field: jql[2], value: jql[1] ?? null, words: text };
  const cannotSet = CANNOT_SET.exec(text);
  if (cannotSet?.[1]) return { field: cannotSet[1], value: null, words: text };
  const entry = COLLECTION_ENTRY.exec(text);
  if (!entry?.[1]) return null;
  const words = text.slice(entry.index + entry[0].length);
  return { field: entry[1], value: firstQuoted(words), words };
}

type Translate = (error: FieldError, context: UpstreamContext) => UpstreamMessage;

const fixVersion: Translate = ({ value }, { jiraProjectKeys }) => {
  const name = value ?? "this version";
  return {
    title: `No Jira fixVersion named ${name} ${inProjects(jiraProjectKeys)}`,
    detail: `Jira has no release called ${name} in those projects, so it cannot look up or set that fixVersion.`,
    action: "Create it in Jira (Project settings → Releases) or link another version.",
  };
};

const affectsVersion: Translate = ({ value }, { jiraProjectKeys }) => {
  const name = value ?? "this version";
  return {
    title: `No Jira version named ${name} ${inProjects(jiraProjectKeys)}`,
    detail: `The affects-version ${name} does not exist in those projects.`,
    action: "Create the version in Jira (Project settings → Releases) or pick one that exists.",
  };
};

const project: Translate = ({ value }, { projectKey, jiraProjectKeys }) => {
  const key = value ?? projectKey;
  const known =
    jiraProjectKeys && jiraProjectKeys.length > 0 ? ` This Jira site has ${listWithOr(jiraProjectKeys)}.` : "";
  return {
    title: key ? `Jira has no project ${key}` : "Jira did not accept the project",
    detail: `The project key is wrong, or Bosun's Jira account cannot see that project.${known}`,
    action: "Fix the project key in the rule or form, or give Bosun's Jira account access to the project.",
  };
};

const issueType: Translate = ({ value }, { projectKey }) => ({
  title: `${projectKey ? `Jira project ${projectKey}` : "The Jira project"} has no issue type ${value ?? "like that"}`,
  detail: "Each Jira project has its own issue types, and the one Bosun asked for is not among them.",
  action: "Pick an issue type the project has, or add it to the project's issue type scheme in Jira.",
});

const priority: Translate = ({ value }) => ({
  title: `Jira has no priority ${value ?? "like that"}`,
  detail: "The priority Bosun sent is not one of the priorities this Jira site defines.",
  action: "Pick a priority that exists in Jira, or add it under Jira settings → Issues → Priorities.",
});

/** Jira names people by account id ("5b10ac8d82e05b22cc7d4ef5", "557058:f58131cb-…"), which means nothing to a reader. */
const isAccountId = (value: string) => /^(?:\d+:)?[0-9a-f-]{20,}$/i.test(value);

const assignee: Translate = ({ field, value }, { projectKey }) => ({
  title: `Jira cannot make ${value && !isAccountId(value) ? value : "this person"} the ${field === "reporter" ? "reporter" : "assignee"}`,
  detail: `The person has no Jira account on this site, or may not be assigned issues${projectKey ? ` in ${projectKey}` : ""}.`,
  action: "Link their Jira account under Settings → Members, or give them the Assignable User permission in Jira.",
});

const customField: Translate = ({ field, words }) => ({
  title: `Jira refused the field ${field}`,
  detail: /cannot be set/.test(words)
    ? "The field is not on the project's create or edit screen, or this Jira site has no such field."
    : `Jira said: ${sentence(words)}`,
  action: "Add the field to the project's screen in Jira, or leave it empty here.",
});

const otherField: Translate = ({ field, words }) => ({
  title: `Jira refused the value for ${field}`,
  detail: `Jira said: ${sentence(words)}`,
  action: "Correct the value and send it again.",
});

function translateField(error: FieldError, context: UpstreamContext): UpstreamMessage {
  const field = error.field.toLowerCase();
  if (field === "fixversion" || field === "fixversions") return fixVersion(error, context);
  if (field === "version" || field === "versions" || field === "affectedversion") return affectsVersion(error, context);
  if (field === "project") return project(error, context);
  if (field === "issuetype" || field === "type") return issueType(error, context);
  if (field === "priority") return priority(error, context);
  if (field === "assignee" || field === "reporter") return assignee(error, context);
  if (field.startsWith("customfield_") || field.startsWith("cf[")) return customField(error, context);
  return otherField(error, context);
}

/** A Jira 400 in plain words: the field and value it refused when it named them, its own words otherwise. */
export function translateJiraBadRequest(words: string, context: UpstreamContext): UpstreamMessage {
  const issueKey = JQL_ISSUE_KEY.exec(words);
  if (issueKey)
    return {
      title: `Jira has no issue ${issueKey[1]}`,
      detail: "The issue was deleted or moved, or Bosun's Jira account cannot see it.",
      action: "Check the issue key, or link the item to an issue that exists.",
    };
  const unknownField = UNKNOWN_FIELD.exec(words);
  if (unknownField)
    return {
      title: `Jira has no field ${unknownField[1]}`,
      detail: "This Jira site has no field by that name, or Bosun's Jira account cannot see it.",
      action: "Use a field this Jira site has, or ask a Jira admin to share it.",
    };
  if (/Transition id '[^']*' is not valid/.test(words))
    return {
      title: `Jira cannot move ${context.issueKey ?? "the issue"} that way`,
      detail:
        "The issue's workflow has no such step from its current status, often because someone moved it meanwhile.",
      action: "Open the issue in Jira to see its status, then try again.",
    };
  const field = findFieldError(words);
  if (field) return translateField(field, context);
  return {
    title: "Jira refused the request",
    detail: words ? `Jira said: ${sentence(words)}` : "Jira did not say why.",
    action: "Correct what Jira objects to and send it again.",
  };
}
