/**
 * Trims an official OpenAPI description down to the operations Bosun uses and
 * the component schemas they reference (transitively), so conformance tests
 * run from files inside the repository.
 */
export type OpenApiSpec = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

export type Operation = { method: string; path: string };

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

function collectRefs(node: unknown, refs: Set<string>) {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, refs);
    return;
  }
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") refs.add(value);
      else collectRefs(value, refs);
    }
  }
}

function resolvePointer(spec: OpenApiSpec, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], spec);
}

export function trimSpec(spec: OpenApiSpec, operations: Operation[], source: Record<string, string>): OpenApiSpec {
  const paths: OpenApiSpec["paths"] = {};
  for (const { method, path } of operations) {
    const item = spec.paths[path];
    const op = item?.[method.toLowerCase()];
    if (!item || !op) throw new Error(`${method.toUpperCase()} ${path} is not in the spec`);
    const kept = (paths[path] ??= {});
    kept[method.toLowerCase()] = op;
    // Path-level parameters apply to every method.
    for (const [key, value] of Object.entries(item)) if (!HTTP_METHODS.has(key)) kept[key] = value;
  }

  const refs = new Set<string>();
  collectRefs(paths, refs);
  const components: Record<string, Record<string, unknown>> = {};
  const pending = [...refs];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.pop() as string;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const parts = ref.slice(2).split("/");
    if (parts[0] !== "components" || parts.length !== 3) throw new Error(`Unexpected $ref ${ref}`);
    const target = resolvePointer(spec, ref);
    if (target === undefined) throw new Error(`Dangling $ref ${ref}`);
    const [, kind, name] = parts as [string, string, string];
    (components[kind] ??= {})[name.replace(/~1/g, "/").replace(/~0/g, "~")] = target;
    const nested = new Set<string>();
    collectRefs(target, nested);
    pending.push(...nested);
  }

  return {
    openapi: spec.openapi,
    info: { ...spec.info, "x-bosun-trimmed-from": source },
    paths,
    components,
  };
}
