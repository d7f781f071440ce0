// What installing the mock costs a project: the packed @texterchat/api-mock against
// @stoplight/prism-cli@5.14.2 (what the mock carried before, and what a team would install to run
// Prism itself). Each install goes into a fresh temp project; all of them share one npm cache,
// warmed by an untimed install of each first, so the timed rounds measure npm's work on this
// machine, not the network. Rounds alternate; medians are printed with install size (bytes of
// files under node_modules) and package count (the lockfile's node_modules entries).
// Usage: node bench/mock-install.mjs [rounds]  (needs `npm run build` first)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, median } from "./mock-lib.mjs";

const ROUNDS = Number(process.argv[2] ?? 3);
const root = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "texter-mock-install-bench-"));
const cache = join(work, "npm-cache");

execFileSync("npm", ["pack", "--silent", "--pack-destination", work, "-w", "@texterchat/api-mock"], { cwd: root });
const tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz")));
const subjects = { "@texterchat/api-mock (packed)": `file:${tarball}`, "@stoplight/prism-cli@5.14.2": "5.14.2" };
const names = { "@texterchat/api-mock (packed)": "@texterchat/api-mock", "@stoplight/prism-cli@5.14.2": "@stoplight/prism-cli" };

/** Bytes of all files under `dir` (apparent size, symlinks not followed). */
function bytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Installs one subject into a fresh project; returns time, size and package count. */
function install(label) {
  const project = mkdtempSync(join(work, "project-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "install-bench", private: true, dependencies: { [names[label]]: subjects[label] } }));
  const started = performance.now();
  execFileSync("npm", ["install", "--cache", cache, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel", "error"], { cwd: project });
  const ms = performance.now() - started;
  const packages = Object.keys(JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8")).packages).filter((p) => p.includes("node_modules/")).length;
  const result = { ms, bytes: bytes(join(project, "node_modules")), packages };
  rmSync(project, { recursive: true, force: true });
  return result;
}

try {
  for (const label of Object.keys(subjects)) install(label); // warms the shared cache
  const results = Object.fromEntries(Object.keys(subjects).map((label) => [label, []]));
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 ? Object.keys(subjects).reverse() : Object.keys(subjects);
    for (const label of order) results[label].push(install(label));
  }
  console.log(`Install into a fresh project, warm shared npm cache, ${ROUNDS} alternating rounds (medians)`);
  const rows = Object.entries(results).map(([label, runs]) => ({
    label,
    ms: median(runs.map((r) => r.ms)),
    mb: median(runs.map((r) => r.bytes)) / 1e6,
    packages: median(runs.map((r) => r.packages)),
    all: runs.map((r) => fmt(r.ms)).join(" "),
  }));
  for (const r of rows) {
    console.log(`  ${r.label.padEnd(30)} ${fmt(r.ms).padStart(6)} ms  ${r.mb.toFixed(1).padStart(6)} MB  ${String(r.packages).padStart(4)} packages   runs ${r.all} ms`);
  }
  const [mock, prism] = rows;
  console.log(`  mock / prism-cli: time ×${(mock.ms / prism.ms).toFixed(2)}, size ×${(mock.mb / prism.mb).toFixed(2)}, packages ×${(mock.packages / prism.packages).toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
