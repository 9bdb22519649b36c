import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { OpenApiSpec } from "./trim-spec";

/**
 * Validates emulator responses against the JSON schemas of a (trimmed) official
 * OpenAPI description. OpenAPI 3.0 specs use Ajv's draft-07 mode with
 * `nullable`; 3.1 specs use JSON Schema 2020-12.
 */
export type ResponseCheck = { method: string; path: string; status: number; body: unknown; contentType?: string };

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function escapePointer(part: string) {
  return part.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function createSpecValidator(spec: OpenApiSpec) {
  const isOpenApi31 = spec.openapi.startsWith("3.1");
  const AjvClass = isOpenApi31 ? Ajv2020 : Ajv;
  const ajv = new AjvClass({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv as Ajv);
  for (const format of ["int32", "int64", "float", "double", "byte", "binary", "password"]) ajv.addFormat(format, true);
  ajv.addSchema(spec as object, "spec");
  const cache = new Map<string, ValidateFunction>();

  function schemaPointer({
    method,
    path,
    status,
    contentType = "application/json",
  }: Omit<ResponseCheck, "body">): string | null {
    const op =
      (spec.paths[path]?.[method.toLowerCase()] as {
        responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
      }) ?? null;
    if (!op?.responses) throw new Error(`${method} ${path} is not in the trimmed spec`);
    const statusKey = [String(status), `${String(status)[0]}XX`, "default"].find((key) => op.responses?.[key]);
    if (!statusKey) throw new Error(`${method} ${path} documents no ${status} response`);
    const content = op.responses[statusKey]?.content;
    if (!content) return null;
    const mediaType = Object.keys(content).find((type) => type.startsWith(contentType)) ?? Object.keys(content)[0];
    if (!mediaType || !content[mediaType]?.schema) return null;
    return `#/paths/${escapePointer(path)}/${method.toLowerCase()}/responses/${statusKey}/content/${escapePointer(mediaType)}/schema`;
  }

  return {
    /** Returns human-readable schema errors; an empty array means the body conforms. */
    validateResponse(check: ResponseCheck): string[] {
      const pointer = schemaPointer(check);
      if (!pointer) return [];
      let validate = cache.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `spec${pointer}` });
        cache.set(pointer, validate);
      }
      if (validate(check.body)) return [];
      return (validate.errors ?? []).map(
        (e: ErrorObject) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`,
      );
    },
    hasOperation(method: string, path: string) {
      return Boolean(spec.paths[path]?.[method.toLowerCase()]);
    },
  };
}
