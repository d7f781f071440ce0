// What `npm publish` would upload: every workspace packed once, its file list and metadata checked,
// and the tarballs judged by the tools users bring: @arethetypeswrong/cli and publint.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractVersion, workspacePackages, type WorkspacePackage } from "../../tools/release.mjs";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const attw = join(root, "node_modules", ".bin", "attw");
const work = mkdtempSync(join(tmpdir(), "texter-tarballs-"));
const REPOSITORY = "git+https://github.com/texterchat/api-contract.git";
const LICENSE_LINE = "Copyright (c) 2026 TexterChat API contract kit contributors";
/** Exports that are not modules (attw resolves modules only). */
const NOT_MODULES: Record<string, string[]> = { "@texterchat/api-docs": ["./index.html"], "@texterchat/api-mock": ["./admin-openapi.yaml"] };

interface Packed {
  name: string;
  filename: string;
  files: { path: string }[];
}

/** Everything wrong with a tarball's file list; `read` gives a packed file's text (for source maps). */
function fileListProblems(files: string[], manifest: Record<string, any>, read: (path: string) => string): string[] {
  const problems: string[] = [];
  const has = new Set(files);
  for (const required of ["package.json", "README.md", "LICENSE"]) if (!has.has(required)) problems.push(`${required} is missing`);
  for (const file of files) {
    if (/(^|\/)(test|tests|__tests__)\//.test(file) || /\.(test|spec|test-d)\.[cm]?[jt]sx?$/.test(file)) problems.push(`${file} is a test`);
    if (/(^|\/)(tsconfig[^/]*\.json|vitest\.config\.[cm]?[jt]s)$/.test(file) || file.startsWith("scripts/")) problems.push(`${file} is build-only`);
    if (file.endsWith(".map")) {
      const { sources = [] } = JSON.parse(read(file)) as { sources?: string[] };
      for (const source of sources) {
        const target = posix.normalize(posix.join(posix.dirname(file), source));
        if (!has.has(target)) problems.push(`${file} points to ${source}, which is not in the package`);
      }
    }
  }
  const targets = (value: unknown): string[] =>
    typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(targets) : [];
  for (const target of [manifest.main, manifest.types, ...targets(manifest.exports), ...targets(manifest.bin)].filter(Boolean)) {
    if (!has.has(posix.normalize(target))) problems.push(`${target} (named in package.json) is not in the package`);
  }
  return problems;
}

/** Everything missing or wrong in a package.json for publishing `version` from `dir`. */
function metadataProblems(manifest: Record<string, any>, dir: string, version: string): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string) => ok || problems.push(message);
  expect(/^@texterchat\/[a-z-]+$/.test(manifest.name), `name ${manifest.name} is not in the @texterchat scope`);
  expect(manifest.version === version, `version ${manifest.version} is not the contract's ${version}`);
  expect(typeof manifest.description === "string" && manifest.description.length > 20, "description is missing");
  expect(manifest.license === "MIT", `license is ${manifest.license}, not MIT`);
  expect(Array.isArray(manifest.keywords) && manifest.keywords.length >= 3, "keywords are missing");
  expect(manifest.repository?.type === "git" && manifest.repository?.url === REPOSITORY, `repository.url is not ${REPOSITORY}`);
  expect(manifest.repository?.directory === dir, `repository.directory is ${manifest.repository?.directory}, not ${dir}`);
  expect(/^https:\/\/\S+#readme$/.test(manifest.homepage ?? ""), "homepage is missing");
  expect(/^https:\/\/\S+\/issues$/.test(manifest.bugs?.url ?? ""), "bugs.url is missing");
  expect(manifest.publishConfig?.access === "public", "publishConfig.access is not public");
  expect(manifest.publishConfig?.provenance === true, "publishConfig.provenance is not true");
  expect(/^>=\d+\.\d+\.\d+$/.test(manifest.engines?.node ?? ""), "engines.node is missing");
  expect(manifest.private !== true, "the package is private");
  return problems;
}

const packages: WorkspacePackage[] = workspacePackages(root);
const version = contractVersion(root);
const packed = new Map<string, Packed>();

beforeAll(async () => {
  const names = packages.flatMap((pkg) => ["-w", pkg.name]);
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work, ...names], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  for (const entry of JSON.parse(stdout) as Packed[]) packed.set(entry.name, entry);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the checks themselves", () => {
  it("a file list with tests, build files, a dangling source map, a missing export target and no LICENSE fails", () => {
    const files = ["package.json", "README.md", "dist/index.js", "dist/index.js.map", "test/index.test.js", "tsconfig.json", "scripts/build.mjs"];
    const manifest = { main: "./dist/index.js", exports: { ".": { default: "./dist/index.js" }, "./extra": "./dist/extra.js" } };
    expect(fileListProblems(files, manifest, () => JSON.stringify({ sources: ["../src/index.ts"] }))).toEqual([
      "LICENSE is missing",
      "dist/index.js.map points to ../src/index.ts, which is not in the package",
      "test/index.test.js is a test",
      "tsconfig.json is build-only",
      "scripts/build.mjs is build-only",
      "./dist/extra.js (named in package.json) is not in the package",
    ]);
  });

  it("a package.json without publishing metadata fails", () => {
    const problems = metadataProblems({ name: "@texterchat/x", version: "0.0.1", license: "ISC", private: true }, "packages/x", "1.0.0");
    expect(problems).toHaveLength(12);
    expect(problems).toContain("version 0.0.1 is not the contract's 1.0.0");
    expect(problems).toContain("publishConfig.provenance is not true");
  });

  it("attw and publint flag a package whose declarations are wrong", async () => {
    const dir = join(work, "broken");
    mkdirSync(join(dir, "dist"), { recursive: true });
    writeFileSync(join(dir, "dist", "index.js"), "export const answer = 42;\n");
    writeFileSync(join(dir, "dist", "index.d.ts"), "export declare const answer: number;\n");
    const manifest = { name: "broken", version: "1.0.0", type: "module", exports: { ".": { require: "./dist/index.js", types: "./dist/index.d.ts" } } };
    writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: dir });
    const tarball = join(work, (JSON.parse(stdout) as Packed[])[0]!.filename);
    expect((await attwProblems(tarball, [])).length).toBeGreaterThan(0);
    expect((await publintMessages(tarball)).length).toBeGreaterThan(0);
  });
});

async function attwProblems(tarball: string, exclude: string[]) {
  const args = [tarball, "--format", "json", ...(exclude.length ? ["--exclude-entrypoints", ...exclude] : [])];
  const output = await run(attw, args, { maxBuffer: 16 * 1024 * 1024 }).then(
    (result) => result.stdout,
    (error: { stdout: string }) => error.stdout,
  );
  const { analysis } = JSON.parse(output) as { analysis: { types: unknown; problems?: unknown[] } };
  return analysis.types === false ? ["no types"] : (analysis.problems ?? []);
}

async function publintMessages(tarball: string) {
  const data = readFileSync(tarball);
  const { messages, pkg } = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, strict: true });
  return messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`);
}

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))("the %s tarball", (name, pkg) => {
  const files = () => packed.get(name)!.files.map((file) => file.path);
  const tarball = () => join(work, packed.get(name)!.filename);

  it("holds its README and LICENSE, no tests, no build-only files, and every file package.json names", () => {
    expect(fileListProblems(files(), pkg.manifest, (file) => readFileSync(join(root, pkg.dir, file), "utf8"))).toEqual([]);
    const license = readFileSync(join(root, pkg.dir, "LICENSE"), "utf8");
    expect(license).toBe(readFileSync(join(root, "LICENSE"), "utf8"));
    expect(license.split("\n")[0]).toBe("MIT License");
    expect(license).toContain(LICENSE_LINE);
  });

  it("carries the publishing metadata and the contract's version", () => {
    expect(metadataProblems(pkg.manifest, pkg.dir, version)).toEqual([]);
  });

  it("publint finds nothing (strict)", async () => {
    expect(await publintMessages(tarball())).toEqual([]);
  });

  if (name === "@texterchat/openapi") {
    it("attw has nothing to resolve: the package ships only the JSON and YAML documents", async () => {
      expect(await attwProblems(tarball(), [])).toEqual(["no types"]);
      expect(files().filter((file) => /\.[cm]?[jt]s$/.test(file))).toEqual([]);
    });
  } else {
    it("@arethetypeswrong/cli reports no problems for any entry point and resolution", async () => {
      expect(await attwProblems(tarball(), NOT_MODULES[name] ?? [])).toEqual([]);
    });
  }
});
