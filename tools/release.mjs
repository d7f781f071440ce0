// `npm run release`: one version for the five packages, the contract's `info.version`, published in
// dependency order.
//
//   npm run release                          apply pending changesets (`changeset version`), refuse
//                                            unless every package's version equals info.version,
//                                            build, test, publish what the registry lacks with
//                                            provenance, tag (`changeset tag`)
//   npm run release -- --registry <url>      refuse on a version mismatch, build, publish to <url>
//                  [--no-build]              (e.g. a local Verdaccio) without provenance; no tests,
//                                            no version change, no tags
//
// The contract decides the version (spec/openapi.yaml `info.version`, held to semver by the
// breaking-change gate); changesets bump the packages; the release refuses when the two disagree.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"];

/** The workspace packages: `{ name, dir, manifest }`, dir relative to the root. */
export function workspacePackages(root = ROOT) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const dirs = workspaces.flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory() && existsSync(join(root, pattern.slice(0, -2), entry.name, "package.json")))
          .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
      : [pattern],
  );
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
    return { name: manifest.name, dir, manifest };
  });
}

/** The packages ordered so that each comes after every workspace package it depends on (any kind). */
export function publishOrder(packages) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const ordered = [];
  const state = new Map(); // name → "visiting" | "done"
  const visit = (pkg, trail) => {
    if (state.get(pkg.name) === "done") return;
    if (state.get(pkg.name) === "visiting") throw new Error(`Dependency cycle between workspace packages: ${[...trail, pkg.name].join(" → ")}`);
    state.set(pkg.name, "visiting");
    for (const field of DEPENDENCY_FIELDS) {
      for (const dependency of Object.keys(pkg.manifest[field] ?? {})) {
        if (byName.has(dependency)) visit(byName.get(dependency), [...trail, pkg.name]);
      }
    }
    state.set(pkg.name, "done");
    ordered.push(pkg);
  };
  for (const pkg of [...packages].sort((a, b) => a.name.localeCompare(b.name))) visit(pkg, []);
  return ordered;
}

/** The contract's version: `info.version` of spec/openapi.yaml. */
export function contractVersion(root = ROOT) {
  const version = parse(readFileSync(join(root, "spec", "openapi.yaml"), "utf8"))?.info?.version;
  if (typeof version !== "string") throw new Error("spec/openapi.yaml has no info.version");
  return version;
}

/** Why the packages cannot be released as `version`: one line per disagreeing version or pin. */
export function versionProblems(packages, version) {
  const names = new Set(packages.map((pkg) => pkg.name));
  const problems = [];
  for (const { name, dir, manifest } of packages) {
    if (manifest.version !== version) {
      problems.push(`${name} (${dir}/package.json) is ${manifest.version}, the contract's info.version is ${version}`);
    }
    for (const field of DEPENDENCY_FIELDS) {
      for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
        if (names.has(dependency) && range !== version) {
          problems.push(`${name} ${field} pins ${dependency} at ${range}, not ${version}`);
        }
      }
    }
  }
  return problems;
}

function run(command, args, options = {}) {
  console.log(`$ ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
}

/** Whether `name@version` is already on the registry (a rerun after a partial publish skips it). */
function isPublished(name, version, registry) {
  try {
    const found = execFileSync("npm", ["view", `${name}@${version}`, "version", ...(registry ? ["--registry", registry] : [])], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return found.trim() === version;
  } catch (error) {
    if (/E404|404 Not Found/.test(String(error.stderr))) return false;
    throw error;
  }
}

async function main() {
  const { values } = parseArgs({ options: { registry: { type: "string" }, "no-build": { type: "boolean" } } });
  const registry = values.registry;
  if (values["no-build"] && !registry) throw new Error("--no-build applies only to a --registry release");
  if (registry && !/^https?:\/\//.test(registry)) throw new Error(`--registry must be an http(s) URL, got ${JSON.stringify(registry)}`);

  if (!registry) {
    run("npx", ["changeset", "version"]);
    run("npm", ["install", "--package-lock-only", "--no-audit", "--no-fund"]);
  }
  const version = contractVersion();
  const packages = publishOrder(workspacePackages());
  const problems = versionProblems(packages, version);
  if (problems.length) {
    throw new Error(`Refusing to release: every package must carry the contract's version ${version}.\n  ${problems.join("\n  ")}`);
  }
  if (!values["no-build"]) run("npm", ["run", "build"]);
  if (!registry) run("npm", ["test"]);

  for (const { name } of packages) {
    if (isPublished(name, version, registry)) {
      console.log(`${name}@${version} is already published, skipped`);
      continue;
    }
    const target = registry ? ["--registry", registry, "--provenance=false"] : ["--provenance"];
    run("npm", ["publish", "-w", name, ...target]);
    console.log(`published ${name}@${version}${registry ? ` to ${registry}` : ""}`);
  }
  if (!registry) run("npx", ["changeset", "tag"]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`release: ${error.message}`);
    process.exit(1);
  });
}
