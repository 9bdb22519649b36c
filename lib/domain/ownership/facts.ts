/**
 * What ownership rules match on, read from one Sentry event. Pure.
 *
 * Sentry hands events around in two shapes: the REST event detail
 * (`entries: [{ type, data }]`, `tags: [{ key, value }]`, camelCase frames)
 * and the SDK shape that webhooks and event alerts carry
 * (`exception.values[]`, `request.url`, `tags: [[k, v]]`, snake_case frames).
 * Both are read here so callers never care which one they hold. Anything that
 * is not recognisably an event yields empty facts rather than an error: the
 * event is untrusted input and "no facts" simply means "no rule matches".
 */
export type OwnershipFacts = {
  /** In-app frame file paths (filename and abs_path, as given), innermost last, as Sentry lists frames. */
  paths: string[];
  /** In-app frame modules. */
  modules: string[];
  /** request.url of the event, if any. */
  url: string | null;
  /** Event tags, key → value. */
  tags: Record<string, string>;
};

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The `data` of the first REST entry of this type, if the event has entries. */
function entryData(event: Obj, type: string): Obj | null {
  for (const entry of list(event.entries)) {
    if (isObj(entry) && entry.type === type && isObj(entry.data)) return entry.data;
  }
  return null;
}

/** Every stack trace in the event: exceptions' (oldest first, as Sentry lists them), then a bare stacktrace, then threads'. */
function stacktracesOf(event: Obj): Obj[] {
  const exception = entryData(event, "exception") ?? (isObj(event.exception) ? event.exception : null);
  const stacktrace = entryData(event, "stacktrace") ?? (isObj(event.stacktrace) ? event.stacktrace : null);
  const threads = entryData(event, "threads") ?? (isObj(event.threads) ? event.threads : null);
  const traces: Obj[] = [];
  for (const value of list(exception?.values)) {
    if (isObj(value) && isObj(value.stacktrace)) traces.push(value.stacktrace);
  }
  if (stacktrace) traces.push(stacktrace);
  for (const thread of list(threads?.values)) {
    if (isObj(thread) && isObj(thread.stacktrace)) traces.push(thread.stacktrace);
  }
  return traces;
}

function isInApp(frame: Obj): boolean {
  return frame.inApp === true || frame.in_app === true;
}

/** Frames kept per event, innermost last: rules are matched against each, and a runaway stack must not cost more. */
export const MAX_FRAME_FACTS = 200;

function framesFacts(event: Obj): Pick<OwnershipFacts, "paths" | "modules"> {
  const paths: string[] = [];
  const modules: string[] = [];
  for (const trace of stacktracesOf(event)) {
    for (const frame of list(trace.frames)) {
      if (!isObj(frame) || !isInApp(frame)) continue;
      const filename = text(frame.filename);
      const absPath = text(frame.absPath) ?? text(frame.abs_path);
      if (filename) paths.push(filename);
      // The REST shape fills absPath with the filename when the SDK sent none; listing it twice adds nothing.
      if (absPath && absPath !== filename) paths.push(absPath);
      const frameModule = text(frame.module);
      if (frameModule) modules.push(frameModule);
    }
  }
  return { paths: paths.slice(-MAX_FRAME_FACTS), modules: modules.slice(-MAX_FRAME_FACTS) };
}

function urlOf(event: Obj): string | null {
  const request = entryData(event, "request") ?? (isObj(event.request) ? event.request : null);
  return text(request?.url);
}

/** Tags as `[{ key, value }]` (REST), `[[k, v]]` (SDK) or a plain object; later duplicates win, as Sentry keeps one value per key. */
function tagsOf(event: Obj): Record<string, string> {
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  const put = (key: unknown, value: unknown) => {
    if (typeof key === "string" && key !== "" && typeof value === "string") tags[key] = value;
  };
  if (Array.isArray(event.tags)) {
    for (const tag of event.tags) {
      if (Array.isArray(tag)) put(tag[0], tag[1]);
      else if (isObj(tag)) put(tag.key, tag.value);
    }
  } else if (isObj(event.tags)) {
    for (const [key, value] of Object.entries(event.tags)) put(key, value);
  }
  return { ...tags };
}

/** Accepts both the REST event shape (`entries: [{type:"exception"|"request"|"breadcrumbs", data}]`, `tags: [{key,value}]`)
 *  and the webhook/event-alert shape (`exception.values[]`, `request.url`, `tags: [[k,v]]`). Unknown input → empty facts. */
export function ownershipFactsFromEvent(event: unknown): OwnershipFacts {
  if (!isObj(event)) return { paths: [], modules: [], url: null, tags: {} };
  return { ...framesFacts(event), url: urlOf(event), tags: tagsOf(event) };
}
