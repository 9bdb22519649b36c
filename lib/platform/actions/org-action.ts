import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { describeIssues } from "./describe-issues";
import { requireOrg, type OrgContext } from "@/lib/platform/auth/org";
import { can, type Permission } from "@/lib/domain/permissions";
import { getRequestId } from "@/lib/platform/observability/request-context";
import { findUnstorableText } from "@/lib/platform/security/find-unstorable-text";
import { logger } from "@/lib/platform/observability/logger";
import { IntegrationError } from "@/lib/integrations/integration-error";
import { describeIntegrationError } from "@/lib/integrations/upstream-message";

/**
 * Expected failures come back as values; anything else throws (and reaches Sentry).
 * `stepUp` asks for a fresh second factor first (lib/auth/step-up.ts).
 */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string>; stepUp?: { url: string } };

/** Who an audit entry or an outbox write names: the signed-in user, labelled by email as every audit row is. */
export type UserActor = { type: "user"; id: string; label: string };

export type ActionContext<I> = OrgContext & { input: I; requestId: string; actor: UserActor };

const orgSlugSchema = z.object({ orgSlug: z.string().min(1).max(64) });

/**
 * The one way to write a server action that touches org data: it resolves the
 * org from `input.orgSlug` through requireOrg (404 for outsiders — the org id is
 * never taken from the client), checks the caller's role, refuses text PostgreSQL
 * cannot store (NUL, broken Unicode), validates the rest of the input with `schema`,
 * then runs `fn` with the caller as a ready `actor` for audit entries and writes. A call to Jira, Sentry or
 * WorkOS that fails inside `fn` comes back as a failed result in plain words rather than an error page.
 */
export function orgAction<S extends z.ZodType, T>(
  schema: S,
  permission: Permission,
  fn: (ctx: ActionContext<z.output<S>>) => Promise<ActionResult<T>>,
): (input: z.input<S> & { orgSlug: string }) => Promise<ActionResult<T>> {
  return async (rawInput) => {
    const slug = orgSlugSchema.safeParse(rawInput);
    if (!slug.success) notFound();
    const context = await requireOrg(slug.data.orgSlug);
    if (!can(context.role, permission)) {
      return {
        ok: false,
        error: `Your role (${context.role}) does not allow this. Ask an admin of ${context.org.name}.`,
      };
    }
    const unstorable = findUnstorableText(rawInput);
    if (unstorable)
      return {
        ok: false,
        error: `${unstorable.path}: ${unstorable.message}`,
        fieldErrors: { [unstorable.path]: unstorable.message },
      };
    const parsed = schema.safeParse(rawInput);
    if (!parsed.success) return { ok: false, ...describeIssues(parsed.error) };
    const actor: UserActor = { type: "user", id: context.user.id, label: context.user.email };
    const requestId = await getRequestId();
    try {
      return await fn({ ...context, input: parsed.data, requestId, actor });
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error;
      return upstreamFailure(error, requestId);
    }
  };
}

/**
 * A service that refused or did not answer is an expected failure: the person gets what it means and what to
 * do, with the service's own words after it; the log keeps the technical detail against the request.
 */
function upstreamFailure(error: IntegrationError, requestId: string): { ok: false; error: string } {
  const shown = describeIntegrationError(error);
  logger.warn(
    { requestId, service: error.service, reason: error.reason, status: error.status, error: error.message },
    "an action's call to an outside service failed",
  );
  return { ok: false, error: `${shown.headline} (${shown.technical})` };
}
