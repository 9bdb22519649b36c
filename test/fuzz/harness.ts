import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { POLLUTION_MARK } from "./arbitraries";

/**
 * What the fuzz suite counts and how it judges an answer. A server action may
 * return an ActionResult, or answer 404 / redirect by throwing Next's
 * notFound() / redirect(); anything else it throws would be a 500. A route
 * handler may answer anything below 500.
 */

/** Runs per property: small in `npm test`, as many as asked in `npm run fuzz -- --runs N`. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Fixed unless asked otherwise, so every run of `npm test` sends the same inputs. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_115);
const FUZZ_PATH = process.env.FUZZ_PATH || undefined;
/** Also print how each action's or route's answers split. */
const FUZZ_VERBOSE = Boolean(process.env.FUZZ_VERBOSE);
/** Per property: long runs (`npm run fuzz -- --runs 2000`) get the time they need; the default is a safety net. */
export const PROPERTY_TIMEOUT_MS = Math.max(300_000, FUZZ_RUNS * 4_000);
/** An answer that takes this long counts as a hang: a request that would hold a worker forever. */
const HANG_MS = 15_000;

export function fuzzParameters<T>(replay: string, { scale = 1 }: { scale?: number } = {}): fc.Parameters<T> {
  return {
    numRuns: FUZZ_RUNS * scale,
    seed: FUZZ_SEED,
    ...(FUZZ_PATH ? { path: FUZZ_PATH } : {}),
    asyncReporter: async (details) => {
      if (!details.failed) return;
      const message = fc.defaultReportMessage(details) ?? "the property failed";
      throw new Error(
        `${shorten(message)}\nReplay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ""} npx vitest run ${replay}`,
        { cause: details.errorInstance },
      );
    },
  };
}

/** Counterexamples can hold 200,000-character strings: runs of one character are counted, not printed. */
function shorten(message: string): string {
  const collapsed = message.replace(
    /(\\u[0-9a-fA-F]{4}|\\.|[^\\])\1{39,}/g,
    (run: string, unit: string) => `${unit}…(${run.length / unit.length} times)`,
  );
  return collapsed.length > 6_000
    ? `${collapsed.slice(0, 5_000)}\n…(${collapsed.length - 5_500} characters left out)…\n${collapsed.slice(-500)}`
    : collapsed;
}

export type Outcome =
  | { kind: "value"; value: unknown }
  | { kind: "response"; status: number; body: string }
  | { kind: "not-found" }
  | { kind: "redirect"; location: string }
  | { kind: "crash"; error: unknown };

/** Next's navigation errors carry a digest: NEXT_REDIRECT;… or NEXT_HTTP_ERROR_FALLBACK;<status>. */
export function classifyThrown(error: unknown): Outcome {
  const digest =
    typeof error === "object" && error !== null && "digest" in error
      ? String((error as { digest: unknown }).digest)
      : "";
  if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", location: digest.split(";")[2] ?? "" };
  const status = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest)?.[1];
  if (status && Number(status) < 500) return { kind: "not-found" };
  return { kind: "crash", error };
}

/** Awaits an answer, turning throws into outcomes and a hang into a crash. */
export async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const value = await Promise.race([run(), hang]);
    if (value instanceof Response) return { kind: "response", status: value.status, body: await value.text() };
    return { kind: "value", value };
  } catch (error) {
    return classifyThrown(error);
  } finally {
    clearTimeout(timer);
  }
}

const isRecordOfMessages = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.entries(value).every(([key, message]) => key.length > 0 && typeof message === "string" && message.length > 0);

/**
 * Internals that must never reach a person: a refusal says what is wrong in the
 * product's words. (Not "TypeError: …": the demo's Sentry issues are named so.)
 */
const LEAKS = /prisma|\binvocation\b|\n\s+at \S+ \(|ZodError|"code":\s*"invalid_type"|ECONNREFUSED|ECONNRESET/i;

/**
 * Why an action's answer is not acceptable, or null when it is: an ActionResult
 * (a refusal with a non-empty message, field errors as non-empty messages by
 * field, no internals), a 404 or a redirect.
 */
export function judgeActionOutcome(outcome: Outcome): string | null {
  if (outcome.kind === "not-found" || outcome.kind === "redirect") return null;
  if (outcome.kind === "crash") return `threw (a 500): ${describeError(outcome.error)}`;
  if (outcome.kind === "response") return `answered a Response from a server action (status ${outcome.status})`;
  const result = outcome.value as { ok?: unknown; error?: unknown; fieldErrors?: unknown } | undefined;
  // A form action that ends in a redirect returns nothing; so do the form-friendly wrappers on success.
  if (result === undefined) return null;
  if (typeof result !== "object" || result === null || typeof result.ok !== "boolean")
    return `answered something that is not an ActionResult: ${preview(result)}`;
  if (result.ok) return null;
  if (typeof result.error !== "string" || result.error.trim() === "")
    return `refused without a message: ${preview(result)}`;
  if (result.fieldErrors !== undefined && !isRecordOfMessages(result.fieldErrors))
    return `refused with malformed field errors: ${preview(result.fieldErrors)}`;
  if (LEAKS.test(result.error)) return `refusal leaks internals: ${around(result.error, LEAKS)}`;
  return null;
}

/** Why a route handler's answer is not acceptable, or null: anything below 500, and a 404 or redirect thrown by Next. */
export function judgeRouteOutcome(outcome: Outcome): string | null {
  if (outcome.kind === "not-found" || outcome.kind === "redirect") return null;
  if (outcome.kind === "crash") return `threw (a 500): ${describeError(outcome.error)}`;
  if (outcome.kind === "value") return `answered something that is not a Response: ${preview(outcome.value)}`;
  if (outcome.status >= 500) return `answered ${outcome.status}: ${outcome.body.slice(0, 300)}`;
  if (outcome.status >= 400 && LEAKS.test(outcome.body))
    return `${outcome.status} leaks internals: ${around(outcome.body, LEAKS)}`;
  if (outcome.status === 400 && !namesWhatIsWrong(outcome.body))
    return `400 does not name the field: ${outcome.body.slice(0, 300)}`;
  // An MCP tool's refusal comes back in a 200; what it says reaches the agent, so it must not carry internals either.
  const leakingTool = toolRefusals(outcome.body).find((text) => LEAKS.test(text));
  if (outcome.status === 200 && leakingTool) return `a tool refusal leaks internals: ${around(leakingTool, LEAKS)}`;
  return null;
}

/** A 400 that refuses a payload, a filter or an event names its fields; other 400s name what was wrong with the request as a whole. */
function namesWhatIsWrong(body: string): boolean {
  let parsed: { error?: unknown; fields?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return false;
  }
  if (typeof parsed.error !== "string" || !/^invalid_(payload|filters|event)$/.test(parsed.error)) return true;
  return isRecordOfMessages(parsed.fields) && Object.keys(parsed.fields as object).length > 0;
}

/** A coarse name for an answer: which check it came from. */
function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === "value") {
    const result = outcome.value as { ok?: boolean; fieldErrors?: unknown; stepUp?: unknown } | undefined;
    if (result?.ok === true) return "done";
    if (result?.ok === false)
      return result.stepUp ? "step-up asked" : result.fieldErrors ? "refused, naming fields" : "refused";
    return "no value";
  }
  if (outcome.kind === "response") {
    // MCP answers 200 for tool errors and JSON-RPC errors alike; they are refusals too.
    if (outcome.status === 200 && outcome.body.includes('"isError":true')) return "HTTP 200, tool refused";
    if (outcome.status === 200 && outcome.body.startsWith('{"jsonrpc"') && outcome.body.includes('"error":{'))
      return "HTTP 200, JSON-RPC error";
    return `HTTP ${outcome.status}`;
  }
  return outcome.kind;
}

/** What the MCP tools that refused said, in a single or batched JSON-RPC answer. */
function toolRefusals(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  type Answer = { result?: { isError?: boolean; content?: { text?: unknown }[] } };
  return (Array.isArray(parsed) ? parsed : [parsed])
    .filter((answer: Answer | null) => answer?.result?.isError === true)
    .flatMap((answer: Answer) => (answer.result?.content ?? []).map((c) => String(c.text ?? "")));
}

/** The text around what a pattern matched, for a report that shows the leak itself. */
function around(text: string, pattern: RegExp): string {
  const at = pattern.exec(text)?.index ?? 0;
  return `…${text.slice(Math.max(0, at - 200), at + 200)}…`;
}

export function describeError(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${error.message.slice(0, 500)}\n${error.stack?.split("\n").slice(1, 8).join("\n") ?? ""}`;
  return preview(error);
}

function preview(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 300);
  } catch {
    return String(value).slice(0, 300);
  }
}

/** Fails the run if any input managed to put a property on Object.prototype. */
export function assertPrototypesClean() {
  const polluted = [Object.prototype, Array.prototype, Function.prototype].some(
    (proto) => POLLUTION_MARK in proto || "isAdmin" in proto,
  );
  if (polluted) throw new Error("an input polluted a built-in prototype");
}

/** The figure: how many inputs were sent, how many answers were 5xx, how many promises were left rejected. */
export type Figure = { inputs: number; serverErrors: number; unhandledRejections: number };

/**
 * Counts inputs and 5xx answers, and every rejection nobody handled while the
 * suite ran (a fire-and-forget promise that failed would be lost in production).
 */
export function createTally(label: string, { scale = 1 }: { scale?: number } = {}) {
  const figure: Figure = { inputs: 0, serverErrors: 0, unhandledRejections: 0 };
  const rejections: unknown[] = [];
  /** How the answers split, to show that inputs get past the first checks and into the code behind them. */
  const answers = new Map<string, number>();
  const byTarget = new Map<string, Map<string, number>>();
  const refusals = new Map<string, Map<string, number>>();
  const onRejection = (reason: unknown) => {
    figure.unhandledRejections += 1;
    rejections.push(reason);
  };
  return {
    figure,
    rejections,
    start: () => process.on("unhandledRejection", onRejection),
    stop: () => process.off("unhandledRejection", onRejection),
    /** Records one answer; returns the failure to report, if any. */
    record: (target: string, outcome: Outcome, failure: string | null) => {
      figure.inputs += 1;
      const kind = describeOutcome(outcome);
      answers.set(kind, (answers.get(kind) ?? 0) + 1);
      const byKind = (byTarget.get(target) ?? byTarget.set(target, new Map()).get(target))!;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      const refusal =
        outcome.kind === "value"
          ? (outcome.value as { error?: unknown } | undefined)?.error
          : outcome.kind === "response" && (outcome.status >= 400 || kind.includes(","))
            ? outcome.body
            : undefined;
      if (typeof refusal === "string") {
        const seen = (refusals.get(target) ?? refusals.set(target, new Map()).get(target))!;
        const key = refusal.slice(0, 120);
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      if (failure?.startsWith("threw") || failure?.startsWith("answered 5")) figure.serverErrors += 1;
      return failure;
    },
    /** Prints the figure and appends it to .test-reports/fuzz.jsonl for `npm run fuzz` to add up. */
    report: () => {
      const line = `R4 fuzz, ${label}: ${figure.inputs.toLocaleString("en-US")} inputs, ${figure.serverErrors} × 5xx, ${figure.unhandledRejections} unhandled rejections (seed ${FUZZ_SEED}, ${FUZZ_RUNS * scale} runs per property)`;
      const split = (counts: Map<string, number>) =>
        [...counts]
          .sort((a, b) => b[1] - a[1])
          .map(([kind, count]) => `${kind} ${count}`)
          .join(", ");
      console.log(`${line}\n  answers: ${split(answers)}`);
      if (FUZZ_VERBOSE) {
        for (const [target, counts] of byTarget) {
          const common = [...(refusals.get(target) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 4);
          console.log(
            `  ${target}: ${split(counts)}${common.map(([text, count]) => `\n      ${count} × ${text}`).join("")}`,
          );
        }
      }
      const reports = path.resolve(import.meta.dirname, "../../.test-reports");
      mkdirSync(reports, { recursive: true });
      appendFileSync(
        path.join(reports, "fuzz.jsonl"),
        `${JSON.stringify({ label, ...figure, seed: FUZZ_SEED, runs: FUZZ_RUNS * scale, at: new Date().toISOString() })}\n`,
      );
    },
  };
}
