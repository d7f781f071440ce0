// The TypeScript examples in the READMEs compile against the packages, as a reader would paste them.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const READMES = ["README.md", "packages/client/README.md", "packages/types/README.md"];
/** Names the examples use without defining, as a reader's surrounding code would. */
const PRELUDE = "declare const rawBody: string;\n";

const examples = READMES.flatMap((readme) =>
  [...readFileSync(join(root, readme), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((match, i) => ({ name: `${readme.replaceAll("/", "_")}_${i}.mts`, code: match[1]! })),
);
const dir = mkdtempSync(join(tmpdir(), "texter-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("README examples", () => {
  it("there are examples for the client, the types and the webhooks", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it("all type-check with strict settings", async () => {
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    for (const { name, code } of examples) writeFileSync(join(dir, name), PRELUDE + code + "\nexport {};\n");
    const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, lib: ["ES2022", "DOM"], types: ["node"], skipLibCheck: true };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: examples.map((e) => e.name) }));
    const output = await promisify(execFile)(join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: dir }).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(output).toBe("");
  });
});
