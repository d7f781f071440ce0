// Type-checks TypeScript the way a reader compiles it in a project of their own: strict, ESM with
// NodeNext resolution, in a folder that sees this repo's node_modules (the workspace packages
// included). Used by the tests of README examples and docs samples (snippets in a temporary
// folder) and of third-party generators' output (a folder the test fills).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));

const COMPILER_OPTIONS = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, lib: ["ES2022", "DOM"], types: ["node"], skipLibCheck: true };

/**
 * Runs tsc on `files` (paths relative to `dir`) and on everything they import; links this repo's
 * node_modules into `dir` first unless it has one.
 * @param {string} dir
 * @param {string[]} files
 * @returns {Promise<string>} tsc's diagnostics; empty when everything compiles
 */
export async function typecheckFiles(dir, files) {
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files }));
  return await promisify(execFile)(join(root, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }).then(
    () => "",
    (error) => error.stdout || String(error),
  );
}

/**
 * @param {{ name: string, code: string }[]} snippets each written as `<name>` (use `.mts`)
 * @returns {Promise<string>} tsc's diagnostics; empty when everything compiles
 */
export async function typecheckSnippets(snippets) {
  const dir = mkdtempSync(join(tmpdir(), "texter-snippets-"));
  try {
    for (const { name, code } of snippets) writeFileSync(join(dir, name), `${code}\nexport {};\n`);
    return await typecheckFiles(dir, snippets.map((s) => s.name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
