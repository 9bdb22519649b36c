import "server-only";
import { z } from "zod";
import { isListedStep } from "@/lib/platform/actions/is-listed-step";
import type { ActionResult } from "@/lib/platform/actions/org-action";
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

/** A fresh preview and the steps that apply it, or why there is none. */
export function withSteps<P extends object, S extends Step>(
  preview: P | { error: string },
  stepsOf: (preview: P) => S[],
): ActionResult<{ preview: P; steps: S[] }> {
  if ("error" in preview) return { ok: false, error: preview.error };
  return { ok: true, data: { preview, steps: stepsOf(preview) } };
}

/**
 * The checks before one step runs: a second factor passed recently in this session (the way back is `returnTo`),
 * the preview still stored, and a step that is one of its own. `noun` names the preview in the messages.
 */
export async function openStoredStep<P>({
  ctx,
  returnTo,
  find,
  stepsOf,
  step,
  noun,
}: {
  ctx: { org: { slug: string; requireMfa: boolean }; sessionId: string };
  returnTo: string;
  find: () => Promise<P | null>;
  stepsOf: (preview: P) => Step[];
  step: Step;
  noun: { stored: string; again: string };
}): Promise<{ preview: P } | { refusal: Refusal }> {
  const stepUp = await requireRecentSecondFactor(ctx, returnTo);
  if (stepUp) return { refusal: stepUp };
  const preview = await find();
  if (!preview) return { refusal: { ok: false, error: `This preview has expired. Preview the ${noun.again} again.` } };
  if (!isListedStep(stepsOf(preview), step)) {
    const message = `is not a step of this ${noun.stored}`;
    return { refusal: { ok: false, error: `step: ${message}`, fieldErrors: { step: message } } };
  }
  return { preview };
}
