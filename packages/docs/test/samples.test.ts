// The TypeScript request samples the docs show on every operation compile against
// @texterchat/api-client, so that a reader can paste them.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { docsSpec } from "../src/docs-spec.mjs";
import { loadSpec, operations } from "../src/openapi.mjs";

const root = join(import.meta.dirname, "..", "..", "..");
const samples = [...operations(docsSpec(loadSpec()))].map(({ operation }) => ({
  file: `${operation.operationId}.mts`,
  source: (operation["x-codeSamples"] as { lang: string; source: string }[]).find((sample) => sample.lang === "TypeScript")!.source,
}));
const dir = mkdtempSync(join(tmpdir(), "texter-doc-samples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs TypeScript samples", () => {
  it("every operation has one", () => {
    expect(samples).toHaveLength([...operations(loadSpec())].length);
  });

  it("all type-check against the client with strict settings", async () => {
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    for (const { file, source } of samples) writeFileSync(join(dir, file), `${source}\nexport {};\n`);
    const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, lib: ["ES2022", "DOM"], types: ["node"], skipLibCheck: true };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: samples.map((s) => s.file) }));
    const output = await promisify(execFile)(join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: dir }).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(output).toBe("");
  });
});
