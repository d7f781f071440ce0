// Type-checks TypeScript snippets the way a reader pastes them into a project of their own: in a
// temporary folder that sees this repo's node_modules (the workspace packages included), strict,
// ESM with NodeNext resolution. Used by the tests of README examples and docs samples.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * @param {{ name: string, code: string }[]} snippets each written as `<name>` (use `.mts`)
 * @returns {Promise<string>} tsc's diagnostics; empty when everything compiles
 */
export async function typecheckSnippets(snippets) {
  const dir = mkdtempSync(join(tmpdir(), "texter-snippets-"));
  try {
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    for (const { name, code } of snippets) writeFileSync(join(dir, name), `${code}\nexport {};\n`);
    const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, lib: ["ES2022", "DOM"], types: ["node"], skipLibCheck: true };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: snippets.map((s) => s.name) }));
    return await promisify(execFile)(join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: dir }).then(
      () => "",
      (error) => error.stdout || String(error),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
