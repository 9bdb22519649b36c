import type { EmulatorResponse } from "../common/http";

/** Jira's ErrorCollection: `{errorMessages: string[], errors: {field: message}}`. */
export function errorCollection(messages: string[] | string, errors: Record<string, string> = {}) {
  return { errorMessages: Array.isArray(messages) ? messages : [messages], errors };
}

export function jiraError(
  status: number,
  messages: string[] | string,
  errors: Record<string, string> = {},
): EmulatorResponse {
  return { status, body: errorCollection(messages, errors) };
}

/** Thrown by handlers to answer with a Jira error; the site router turns it into a response. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[] | string,
    readonly errors: Record<string, string> = {},
  ) {
    super(Array.isArray(messages) ? messages.join("; ") : messages);
  }
}

export const notFound = (message: string) => new JiraHttpError(404, message);
export const badRequest = (message: string, errors: Record<string, string> = {}) =>
  new JiraHttpError(400, message ? [message] : [], errors);
