import "server-only";
import { z } from "zod";
import { isListedStep } from "@/lib/platform/actions/is-listed-step";
import { orgAction, type ActionResult } from "@/lib/platform/actions/org-action";
import type { Permission } from "@/lib/domain/permissions";
import { requireRecentSecondFactor } from "@/lib/platform/auth/step-up";

/*
 * What the two previewed bulk writes (planning a sprint, creating a feature's tickets) share: the preview is stored
 * on the server with the steps it will take, and the browser then runs those steps one by one, naming each step,
 * never the issues.
 */

type Step = { kind: string; batch?: number };
type Refusal = Extract<ActionResult<never>, { ok: false }>;

/** A step's schema: its kind and, for a step over one batch of issues, which batch. */
export const stepOfKind = <K extends string>(kind: K) => z.object({ kind: z.literal(kind) });
export const batchStepOfKind = <K extends string>(kind: K) =>
  z.object({ kind: z.literal(kind), batch: z.number().int().min(0) });

/**
 * The action that makes a fresh preview with `preview` (which stores it) and answers with it and the steps that
 * apply it, or with why there is none.
 */
export function previewStepsAction<S extends z.ZodType, P extends object, St extends Step>(
  schema: S,
  permission: Permission,
  preview: (args: { orgId: string; request: z.output<S>; requestId: string }) => Promise<P | { error: string }>,
  stepsOf: (preview: P) => St[],
) {
  return orgAction(
    schema,
    permission,
    async ({ input, org, requestId }): Promise<ActionResult<{ preview: P; steps: St[] }>> => {
      const made = await preview({ orgId: org.id, request: input, requestId });
      if ("error" in made) return { ok: false, error: made.error };
      return { ok: true, data: { preview: made, steps: stepsOf(made) } };
    },
  );
}

/**
 * One kind of stored preview: the steps it applies in, the page its steps run from (where a step-up sends the
 * browser back to, after the org's slug) and the words its messages use for it.
 */
export type StoredPreviewKind<P> = {
  stepsOf: (preview: P) => Step[];
  page: string;
  noun: { stored: string; again: string };
};

/**
 * The checks before one step runs: a second factor passed recently in this session, the preview still stored
 * (`find`), and a step that is one of its own.
 */
export async function openStoredStep<P>(
  kind: StoredPreviewKind<P>,
  ctx: { org: { slug: string; requireMfa: boolean }; sessionId: string },
  step: Step,
  find: () => Promise<P | null>,
): Promise<{ preview: P } | { refusal: Refusal }> {
  const stepUp = await requireRecentSecondFactor(ctx, `/${ctx.org.slug}/${kind.page}`);
  if (stepUp) return { refusal: stepUp };
  const preview = await find();
  if (!preview)
    return { refusal: { ok: false, error: `This preview has expired. Preview the ${kind.noun.again} again.` } };
  if (!isListedStep(kind.stepsOf(preview), step)) {
    const message = `is not a step of this ${kind.noun.stored}`;
    return { refusal: { ok: false, error: `step: ${message}`, fieldErrors: { step: message } } };
  }
  return { preview };
}
