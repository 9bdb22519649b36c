import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findUnstorableText } from "@/lib/platform/security/find-unstorable-text";
import { ACTIONS, buildCatalogContext, type CatalogContext, withEmulatorUrls } from "./action-catalog";
import { actionInput, copyOwn, type FieldSpec, wrongTypeFor } from "./arbitraries";
import { loadFixtures } from "./fixtures";
import {
  assertPrototypesClean,
  createTally,
  fuzzParameters,
  PROPERTY_TIMEOUT_MS,
  judgeActionOutcome,
  settle,
} from "./harness";
import { type FuzzWorld, persona, signInAs, startFuzzWorld } from "./world";

vi.mock("@workos-inc/authkit-nextjs", async () => (await import("./fake-authkit")).fakeAuthkit());
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
}));

type AnyAction = (...args: unknown[]) => Promise<unknown>;

const APP = path.resolve(import.meta.dirname, "../../app");
const SLOW = PROPERTY_TIMEOUT_MS;
const FILE = "test/fuzz/actions.fuzz.test.ts";

/** Every actions.ts (and <concern>-actions.ts) under app/, as a path relative to app/ without the extension. */
function findActionFiles(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findActionFiles(full);
    return entry.name === "actions.ts" || entry.name.endsWith("-actions.ts")
      ? [path.relative(APP, full).replace(/\.ts$/, "")]
      : [];
  });
}

const importModule = async (file: string) =>
  (await import(/* @vite-ignore */ path.join(APP, `${file}.ts`))) as Record<string, unknown>;
const importAction = async (file: string, name: string) => (await importModule(file))[name] as AnyAction;

/**
 * Reliability figure R4 for server actions: every exported action, sent
 * generated inputs as each role, answers with an ActionResult, a 404 or a
 * redirect — never a throw that would be a 500 — and a refusal of a wrongly
 * typed field names that field.
 */
describe("R4 fuzz: server actions", () => {
  let fuzz: FuzzWorld;
  let context: CatalogContext;
  const tally = createTally("server actions");

  beforeAll(async () => {
    fuzz = await startFuzzWorld("fuzzact");
    const fixtures = await loadFixtures(fuzz);
    // A stored sprint plan and tickets preview, so their "apply" steps have something real to apply.
    signInAs("admin");
    const preview = (await (
      await importAction("(app)/[orgSlug]/sprints/plan/actions", "previewPlanAction")
    )({
      orgSlug: "acme",
      boardId: fixtures.boardIds[0],
      name: "Fuzz sprint",
      startDate: "2026-12-01",
      endDate: "2026-12-14",
      bufferPercent: 10,
    })) as { ok: boolean; data?: { preview: { id: string } }; error?: string };
    const tickets = (await (
      await importAction("(app)/[orgSlug]/tickets/new/actions", "previewTicketsAction")
    )({
      orgSlug: "acme",
      name: "Fuzz feature",
      jiraProjectKey: fixtures.jiraProjectKeys[0],
      stories: [{ title: "A story", checklist: ["one"] }],
    })) as { ok: boolean; data?: { preview: { id: string } }; error?: string };
    if (!preview.ok || !tickets.ok)
      throw new Error(`setup could not preview: ${preview.error ?? ""} ${tickets.error ?? ""}`);
    context = buildCatalogContext(fixtures, {
      planId: preview.data!.preview.id,
      previewId: tickets.data!.preview.id,
      version: fixtures.versions[0]!,
    });
    tally.start();
  }, SLOW);

  afterAll(async () => {
    tally.stop();
    tally.report();
    await fuzz?.close();
  }, SLOW);

  it("covers every exported function of every actions.ts under app/", async () => {
    const exported = (
      await Promise.all(
        findActionFiles().map(async (file) =>
          Object.entries(await importModule(file))
            .filter(([, value]) => typeof value === "function")
            .map(([name]) => `${file}#${name}`),
        ),
      )
    ).flat();
    expect(exported.length).toBeGreaterThan(30);
    expect(ACTIONS.map((a) => `${a.file}#${a.name}`).sort()).toEqual(exported.sort());
  });

  for (const spec of ACTIONS) {
    const title = `${spec.file.replace(/^\(app\)\/\[orgSlug\]\//, "")}: ${spec.name}`;

    const answers = `${title} answers every input and role with a result, a 404 or a redirect`;
    it(
      answers,
      async () => {
        const action = await importAction(spec.file, spec.name);
        const variants = spec.variants?.(context) ?? [{}];
        const input = fc.oneof(...variants.map((fields) => actionInput(fields, "acme")));
        try {
          await fc.assert(
            fc.asyncProperty(persona, input, async (who, generated) => {
              signInAs(who);
              const prepared = withEmulatorUrls(generated, { jira: fuzz.jira.url, sentry: fuzz.sentry.url });
              const outcome = await settle(() => (spec.invoke ? spec.invoke(action, prepared) : action(prepared)));
              assertPrototypesClean();
              const failure = tally.record(spec.name, outcome, judgeActionOutcome(outcome));
              if (failure) throw new Error(`${spec.name} as ${who}: ${failure}`);
            }),
            fuzzParameters(`${FILE} -t "${answers}"`),
          );
        } finally {
          if (spec.disturbs) await fuzz.restoreBaseline();
        }
      },
      SLOW,
    );

    if (!spec.variants) continue;
    const names = `${title} names the field when one field has the wrong type`;
    it(
      names,
      async () => {
        const action = await importAction(spec.file, spec.name);
        const cases = spec.variants!(context).flatMap((fields) =>
          Object.entries(fields)
            .filter(
              (entry): entry is [string, FieldSpec & { kind: Exclude<FieldSpec["kind"], "unknown"> }] =>
                entry[1].kind !== "unknown",
            )
            // Other fields may be hostile too, but not unstorable text: that refusal comes first and alone.
            .map(([name, field]) =>
              fc.tuple(
                fc
                  .record(Object.fromEntries(Object.entries(fields).map(([n, f]) => [n, f.valid])))
                  .filter((valid) => !findUnstorableText(valid)),
                fc.constant(name),
                wrongTypeFor(field.kind, { nullable: field.nullable }),
              ),
            ),
        );
        await fc.assert(
          fc.asyncProperty(fc.oneof(...cases), async ([valid, name, wrong]) => {
            signInAs("admin");
            const input: Record<string, unknown> = { orgSlug: "acme" };
            copyOwn(valid as Record<string, unknown>, input);
            input[name] = wrong;
            const outcome = await settle(() =>
              spec.invoke
                ? spec.invoke(action, withEmulatorUrls(input, { jira: fuzz.jira.url, sentry: fuzz.sentry.url }))
                : action(withEmulatorUrls(input, { jira: fuzz.jira.url, sentry: fuzz.sentry.url })),
            );
            const failure = tally.record(spec.name, outcome, judgeActionOutcome(outcome));
            if (failure) throw new Error(`${spec.name}: ${failure}`);
            const result =
              outcome.kind === "value"
                ? (outcome.value as { ok: boolean; fieldErrors?: Record<string, string> })
                : null;
            const named = Object.keys(result?.fieldErrors ?? {}).some(
              (key) => key === name || key.startsWith(`${name}.`),
            );
            if (!result || result.ok || !named)
              throw new Error(
                `${spec.name} with ${name} of the wrong type answered ${JSON.stringify(outcome).slice(0, 400)}, not a refusal naming ${name}`,
              );
          }),
          fuzzParameters(`${FILE} -t "${names}"`),
        );
      },
      SLOW,
    );
  }

  it("left no rejection unhandled", () => {
    expect(tally.rejections).toEqual([]);
  });
});
