import fc from "fast-check";

/**
 * Valid values for a JSON Schema (the subset MCP tool input schemas use), so
 * generated tool calls get past the SDK's validation and into the tools.
 */
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

export function validFor(
  schema: Schema,
  hints: Record<string, fc.Arbitrary<unknown>> = {},
  name = "",
): fc.Arbitrary<unknown> {
  if (name && hints[name]) return hints[name];
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => validFor(choice, hints, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      return fc.record(Object.fromEntries(properties.map(([key, sub]) => [key, validFor(sub, hints, key)])), {
        requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)),
      });
    }
    case "array":
      return fc.array(validFor(schema.items ?? {}, hints, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case "integer": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      return fc.integer({ min, max: Math.min(schema.maximum ?? min + 1000, min + 1000) });
    }
    case "number": {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? 0;
      return fc.double({ min, max: schema.maximum ?? min + 1000, noNaN: true, noDefaultInfinity: true });
    }
    case "boolean":
      return fc.boolean();
    case "string":
      if (schema.pattern)
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity));
      if (schema.format === "date")
        return fc
          .date({ min: new Date("2026-12-01"), max: new Date("2026-12-28"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      return fc.string({
        unit: "grapheme",
        minLength: Math.max(schema.minLength ?? 1, 1),
        maxLength: Math.min(schema.maxLength ?? 30, 30),
      });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
