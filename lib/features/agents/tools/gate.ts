import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { can } from "@/lib/domain/permissions";
import type { AgentContext } from "@/lib/features/agents/context";
import type { ToolSpec } from "./specs";

/**
 * What every tool shares: the permission and scope gate, and the two shapes
 * of an answer — a short summary with the data as structured content, or an
 * error the caller can fix, as a result (never a thrown error). Pure.
 */
export const READ_ONLY_MESSAGE = "This API key is read-only.";

/** Why this caller may not use the tool, or null when it may. Writes need a read-write key on top of the role. */
export function denial(ctx: Pick<AgentContext, "role" | "scope" | "org">, spec: ToolSpec): string | null {
  if (!can(ctx.role, spec.permission))
    return `Your role (${ctx.role}) in ${ctx.org.name} does not allow this (it needs ${spec.permission}). Ask an admin of ${ctx.org.name}.`;
  if (spec.write && ctx.scope !== "read_write") return READ_ONLY_MESSAGE;
  return null;
}

/** The gate as a tool answer: an error result when denied, else null. */
export function guard(ctx: Pick<AgentContext, "role" | "scope" | "org">, spec: ToolSpec): CallToolResult | null {
  const reason = denial(ctx, spec);
  return reason ? fail(reason) : null;
}

/** A successful answer. The data goes through JSON, so dates become ISO strings and the client sees exactly this. */
export function ok(text: string, data: Record<string, unknown>): CallToolResult {
  return {
    content: [{ type: "text", text }],
    structuredContent: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
  };
}

/** An error the caller can fix (bad input, not found, not allowed, not connected); data, when given, says how far it got. */
export function fail(message: string, data?: Record<string, unknown>): CallToolResult {
  return {
    isError: true,
    content: [{ type: "text", text: message }],
    ...(data ? { structuredContent: JSON.parse(JSON.stringify(data)) as Record<string, unknown> } : {}),
  };
}

/** Zod issues as one sentence: "endDate: must be after the start date; name: is required". */
export function describeZodError(error: z.ZodError): string {
  const messages = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "input";
    if (!messages.has(field)) messages.set(field, issue.message);
  }
  return [...messages].map(([field, message]) => `${field}: ${message}`).join("; ");
}

/** At most `max` items, and how many there were, so structured content stays small. */
export function capped<T>(items: readonly T[], max: number): { items: T[]; total: number; truncated: boolean } {
  return { items: items.slice(0, max), total: items.length, truncated: items.length > max };
}

/** The errors a connection-backed read can end in, as one message for the agent. */
export function notConnected(service: "Jira" | "Sentry", orgName: string): string {
  return `${service} is not connected for ${orgName}. An admin can connect it in Settings → Integrations.`;
}

export function unavailable(service: "Jira" | "Sentry", message: string): string {
  return `${service} is not answering right now (${message}) and nothing is cached yet. Try again in a minute.`;
}

/** How a connection-backed read ends when it has no data to show: no connection, or the service down with nothing cached. */
type Unreadable = { status: "not-connected" } | { status: "unavailable"; message: string };

export function isUnreadable<R extends { status: string }>(result: R): result is Extract<R, Unreadable> {
  return result.status === "not-connected" || result.status === "unavailable";
}

export function unreadableAnswer(service: "Jira" | "Sentry", orgName: string, result: Unreadable): CallToolResult {
  return fail(
    result.status === "not-connected" ? notConnected(service, orgName) : unavailable(service, result.message),
  );
}
