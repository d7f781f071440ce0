// The release script's rules: one version for all five packages, the contract's, and publishing
// in dependency order.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { contractVersion, publishOrder, versionProblems, workspacePackages, type WorkspacePackage } from "../../tools/release.mjs";

const root = join(import.meta.dirname, "..", "..");
const pkg = (name: string, version: string, dependencies: Record<string, string> = {}, devDependencies: Record<string, string> = {}): WorkspacePackage => ({
  name,
  dir: `packages/${name}`,
  manifest: { name, version, dependencies, devDependencies },
});

describe("release rules", () => {
  it("every package of this repository carries the contract's info.version, and so do their pins of each other", () => {
    expect(versionProblems(workspacePackages(root), contractVersion(root))).toEqual([]);
  });

  it("refuses a package or a pin that differs from the contract's version", () => {
    const packages = [pkg("a", "1.0.0"), pkg("b", "1.1.0", { a: "1.0.0" })];
    expect(versionProblems(packages, "1.1.0")).toEqual([
      "a (packages/a/package.json) is 1.0.0, the contract's info.version is 1.1.0",
      "b dependencies pins a at 1.0.0, not 1.1.0",
    ]);
  });

  it("orders packages after every workspace package they depend on, dev dependencies included", () => {
    const packages = [pkg("docs", "1.0.0", {}, { client: "1.0.0" }), pkg("client", "1.0.0", { types: "1.0.0", "openapi-fetch": "1.0.0" }), pkg("types", "1.0.0")];
    expect(publishOrder(packages).map((p) => p.name)).toEqual(["types", "client", "docs"]);
    expect(publishOrder(workspacePackages(root)).map((p) => p.name)).toEqual([
      "@texterchat/openapi",
      "@texterchat/api-types",
      "@texterchat/api-mock",
      "@texterchat/api-client",
      "@texterchat/api-docs",
    ]);
  });

  it("names a dependency cycle instead of publishing in a wrong order", () => {
    expect(() => publishOrder([pkg("a", "1.0.0", { b: "1.0.0" }), pkg("b", "1.0.0", { a: "1.0.0" })])).toThrow(
      "Dependency cycle between workspace packages: a → b → a",
    );
  });

  it("the script rejects a bad --registry value before doing anything", async () => {
    const failure = await promisify(execFile)(process.execPath, [join(root, "tools", "release.mjs"), "--registry", "localhost:4873"], { cwd: root }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('release: --registry must be an http(s) URL, got "localhost:4873"');
  });

  it("changesets bump the fixed group together: a change to one package moves all five and their pins", async () => {
    const copy = mkdtempSync(join(tmpdir(), "texter-changesets-"));
    try {
      const packages = workspacePackages(root);
      for (const file of ["package.json", ".changeset/config.json", ...packages.map((p) => `${p.dir}/package.json`)]) {
        mkdirSync(join(copy, file, ".."), { recursive: true });
        cpSync(join(root, file), join(copy, file));
      }
      symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
      writeFileSync(join(copy, ".changeset", "client-change.md"), `---\n"@texterchat/api-client": minor\n---\n\nA client change.\n`);
      await promisify(execFile)(join(root, "node_modules", ".bin", "changeset"), ["version"], { cwd: copy });
      const bumped = workspacePackages(copy);
      const versions = new Set(bumped.map((p) => p.manifest.version));
      expect(versions.size).toBe(1);
      const [next] = versions;
      expect(next).not.toBe(contractVersion(root));
      expect(versionProblems(bumped, next)).toEqual([]); // the pins moved too
      // …and the release refuses it until the contract's info.version says the same.
      expect(versionProblems(bumped, contractVersion(root))).toContain(
        `@texterchat/api-client (packages/client/package.json) is ${next}, the contract's info.version is ${contractVersion(root)}`,
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
