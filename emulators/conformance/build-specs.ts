/**
 * Regenerates emulators/<service>/spec/*.trimmed.json from the official
 * descriptions in ../shared/specs (or SPECS_DIR). Run: npm run specs:trim
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { trimSpec, type OpenApiSpec, type Operation } from "./trim-spec";

type SpecSource = { file: string; repo: string; pathInRepo: string; commit: string };
export type SpecTarget = { service: string; name: string; source: SpecSource; operations: Operation[] };

export async function buildSpecs(targets: SpecTarget[], specsDir: string, outRoot: string) {
  for (const target of targets) {
    const file = path.join(specsDir, target.source.file);
    if (!existsSync(file))
      throw new Error(`Spec ${file} not found: set SPECS_DIR to the folder holding the official descriptions`);
    const raw = readFileSync(file, "utf8");
    const spec = JSON.parse(raw) as OpenApiSpec;
    const trimmed = trimSpec(spec, target.operations, {
      repo: target.source.repo,
      path: target.source.pathInRepo,
      commit: target.source.commit,
      sha256: createHash("sha256").update(raw).digest("hex"),
    });
    const outDir = path.join(outRoot, target.service, "spec");
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, `${target.name}.trimmed.json`), `${JSON.stringify(trimmed, null, 1)}\n`);
    console.log(
      `${target.service}/${target.name}: ${target.operations.length} operations, ${Object.values(trimmed.components ?? {}).reduce((n, c) => n + Object.keys(c).length, 0)} components`,
    );
  }
}
