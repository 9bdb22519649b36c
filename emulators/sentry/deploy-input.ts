import type { SentryProject, SentryRelease } from "../seed/sentry-types";
import type { OrgState, SentryStore } from "./store";

/**
 * Validation of a deploy's POST body as Sentry's DeploySerializer does it (Django REST framework field
 * rules and messages): `environment` required, at most 64 characters, a valid environment name; `name`
 * at most 64; `url` a URL; the dates ISO 8601; `projects` a non-empty list of the org's projects.
 */

export type DeployInput = {
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: Date | null;
  dateFinished: Date | null;
  projects: SentryProject[] | null;
};

const MAX_LENGTH = 64;
const REQUIRED = "This field is required.";
const NOT_NULL = "This field may not be null.";
const NOT_BLANK = "This field may not be blank.";
const NOT_STRING = "Not a valid string.";
const TOO_LONG = `Ensure this field has no more than ${MAX_LENGTH} characters.`;
const BAD_DATE =
  "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";
/** Sentry's environment names: no line breaks or slashes. */
const ENVIRONMENT_NAME = /^[^\n\r\f/]*$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

type Field = { value: unknown; present: boolean };
type Checked<T> = { value: T } | { error: string };

function text(field: Field, options: { required: boolean; blank: boolean; nullable: boolean }): Checked<string | null> {
  if (!field.present) return options.required ? { error: REQUIRED } : { value: null };
  if (field.value === null) return options.nullable ? { value: null } : { error: NOT_NULL };
  // DRF's CharField takes numbers as their text, and nothing else that is not a string.
  if (typeof field.value === "number") field = { ...field, value: String(field.value) };
  if (typeof field.value !== "string") return { error: NOT_STRING };
  const value = field.value.trim();
  if (value === "") return options.blank ? { value: "" } : { error: NOT_BLANK };
  if (value.length > MAX_LENGTH) return { error: TOO_LONG };
  return { value };
}

function isWebUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return ["http:", "https:", "ftp:", "ftps:"].includes(parsed.protocol) && parsed.hostname !== "";
  } catch {
    return false;
  }
}

function url(field: Field): Checked<string | null> {
  if (!field.present || field.value === null) return { value: null };
  if (typeof field.value !== "string") return { error: NOT_STRING };
  const value = field.value.trim();
  if (value === "") return { value: null };
  return isWebUrl(value) ? { value } : { error: "Enter a valid URL." };
}

function date(field: Field): Checked<Date | null> {
  if (!field.present || field.value === null) return { value: null };
  if (typeof field.value !== "string" || !ISO_DATETIME.test(field.value.trim())) return { error: BAD_DATE };
  const parsed = new Date(field.value.trim());
  return Number.isNaN(parsed.getTime()) ? { error: BAD_DATE } : { value: parsed };
}

function projects(store: SentryStore, org: OrgState, field: Field): Checked<SentryProject[] | null> {
  if (!field.present) return { value: null };
  if (field.value === null) return { error: NOT_NULL };
  if (!Array.isArray(field.value)) return { error: `Expected a list of items but got type "${typeof field.value}".` };
  if (field.value.length === 0) return { error: "This list may not be empty." };
  const found: SentryProject[] = [];
  for (const item of field.value) {
    const project = typeof item === "string" || typeof item === "number" ? store.findProject(org, String(item)) : null;
    if (!project) return { error: "Invalid project" };
    found.push(project);
  }
  return { value: found };
}

export function parseDeployInput(
  store: SentryStore,
  org: OrgState,
  body: unknown,
): { input: DeployInput } | { errors: Record<string, string[]> } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    const got = Array.isArray(body) ? "list" : body === null ? "NoneType" : typeof body;
    return { errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] } };
  }
  const raw = body as Record<string, unknown>;
  const field = (key: string): Field => ({ value: raw[key], present: key in raw && raw[key] !== undefined });
  const checks = {
    environment: text(field("environment"), { required: true, blank: false, nullable: false }),
    name: text(field("name"), { required: false, blank: true, nullable: true }),
    url: url(field("url")),
    dateStarted: date(field("dateStarted")),
    dateFinished: date(field("dateFinished")),
    projects: projects(store, org, field("projects")),
  };
  const errors: Record<string, string[]> = {};
  for (const [key, checked] of Object.entries(checks)) if ("error" in checked) errors[key] = [checked.error];
  const environment = "value" in checks.environment ? checks.environment.value : null;
  if (environment !== null && !ENVIRONMENT_NAME.test(environment) && !errors.environment)
    errors.environment = ["Invalid value for environment"];
  if (Object.keys(errors).length > 0) return { errors };
  const value = <T>(checked: Checked<T>) => (checked as { value: T }).value;
  return {
    input: {
      environment: environment as string,
      name: value(checks.name) || null,
      url: value(checks.url),
      dateStarted: value(checks.dateStarted),
      dateFinished: value(checks.dateFinished),
      projects: value(checks.projects),
    },
  };
}

/** The named projects that are not the release's, by slug (Sentry refuses the deploy when there are any). */
export function projectsOutsideRelease(release: SentryRelease, projects: SentryProject[]): string[] {
  return projects.filter((p) => !release.projectIds.includes(p.id)).map((p) => p.slug);
}
