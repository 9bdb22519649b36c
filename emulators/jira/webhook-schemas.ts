import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * Checks a webhook body against spec/webhook-payloads.schema.json, whose
 * embedded issue, user, changelog item, comment and version parts refer to
 * the official platform description (loaded under the id "platform").
 */
const specDir = path.join(import.meta.dirname, "spec");
const readSpec = (name: string) => JSON.parse(readFileSync(path.join(specDir, name), "utf8")) as object;
const withFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const ajv = withFormats(new Ajv({ strict: false, allErrors: true }));
["int32", "int64", "float", "double"].forEach((numeric) => ajv.addFormat(numeric, true));
ajv.addSchema(readSpec("jira-platform-v3.trimmed.json"), "platform");
const validatePayload = ajv.compile(readSpec("webhook-payloads.schema.json"));

/** Schema errors of one webhook body; empty when it conforms. */
export function webhookPayloadErrors(payload: unknown): string[] {
  if (validatePayload(payload)) return [];
  return (validatePayload.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);
}
