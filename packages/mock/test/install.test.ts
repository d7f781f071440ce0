// The packed mock installed as another team installs it, with the dependency tree npm resolves
// on the newest Node the mock supports. prism-http asks for `@stoplight/prism-core@^5.8.0`; on
// Node ≥ 24.18 npm picks 5.16.0 for that range (5.15.x from Node 24.14: they declare those engines,
// so Node 20 keeps 5.8.0), which also brings @scarf/scarf, an install-time reporter. The mock pins
// prism-core 5.8.0 so that its own tree stays put, but a project whose other tools hoist a newer
// prism-core can hand that one to prism-http. Of prism-http's other dependency ranges, none has a
// newer version than Node 20 resolves. The overrides force that newest tree on the Node at hand.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, spawnCli, type CliRun } from "./support.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..", "..");
const project = mkdtempSync(join(tmpdir(), "texter-mock-install-"));
const NEWEST_TREE = { "@stoplight/prism-core": "5.16.0" };
let mock: CliRun | undefined;

beforeAll(async () => {
  // The mock's declarations use @texterchat/api-types, which no registry here has: its tarball
  // satisfies the mock's dependency on it.
  const packages = ["@texterchat/api-mock", "@texterchat/api-types"];
  await run("npm", ["pack", "--silent", "--pack-destination", project, ...packages.flatMap((name) => ["-w", name])], { cwd: root });
  const tarballs = readdirSync(project).filter((f) => f.endsWith(".tgz"));
  const dependencies = Object.fromEntries(packages.map((name) => [name, `file:./${tarballs.find((f) => f.startsWith(name.slice(1).replace("/", "-")))}`]));
  const manifest = { name: "mock-consumer", private: true, dependencies, overrides: NEWEST_TREE };
  writeFileSync(join(project, "package.json"), JSON.stringify(manifest));
  // No install scripts: @scarf/scarf's would report the install over the network.
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], { cwd: project });
}, 240_000);

afterAll(async () => {
  mock?.child.kill("SIGTERM");
  await mock?.exit;
  rmSync(project, { recursive: true, force: true });
});

describe("the packed mock on the newest dependency tree", () => {
  it("gives prism-http the newest prism-core in its range, not the pinned one", () => {
    const fromPrismHttp = createRequire(join(project, "node_modules", "@stoplight", "prism-http", "package.json"));
    const manifest = (name: string) => JSON.parse(readFileSync(fromPrismHttp.resolve(`${name}/package.json`), "utf8"));
    expect(manifest("@stoplight/prism-core").version).toBe(NEWEST_TREE["@stoplight/prism-core"]);
    expect(JSON.parse(readFileSync(join(project, "node_modules", "@stoplight", "prism-http", "package.json"), "utf8")).version).toBe("5.12.0");
  });

  it("starts from the installed bin and answers examples and generated responses", async () => {
    mock = spawnCli(["--port", "0"], join(project, "node_modules", "@texterchat", "api-mock", "bin", "texter-mock.mjs"));
    const baseUrl = (await mock.ready).replace("texter-mock ready at ", "");
    const example = await fetch(`${baseUrl}/labels`, { headers: AUTH });
    expect(example.status).toBe(200);
    expect(((await example.json()) as { labels: { id: string }[] }).labels[0]!.id).toBe("hot_lead");
    // Dynamic mode runs Prism's generator (json-schema-faker, and faker loaded on first use).
    const generated = await fetch(`${baseUrl}/labels`, { headers: { ...AUTH, Prefer: "dynamic=true, seed=7" } });
    expect(generated.status).toBe(200);
    const body = (await generated.json()) as { labels: { id: unknown; name: unknown }[] };
    expect(body.labels.length).toBeGreaterThan(0);
    expect(body.labels.every((label) => typeof label.id === "string" && typeof label.name === "string")).toBe(true);
    const refused = await fetch(`${baseUrl}/labels`);
    expect(refused.status).toBe(401);
  });
});
