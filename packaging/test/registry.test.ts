// A real registry: Verdaccio on loopback (uplink: the registry npm is configured with), the five
// packages published to it by `npm run release -- --registry <url>`, then fresh projects that
// install them by version, type-check (skipLibCheck off) and call texter-mock installed from the
// same registry: ESM NodeNext, Bundler + esbuild, require() with require(esm) off, TypeScript
// CommonJS under Node10 and Node16, jest 29 and jest 30 (default configuration, babel-jest) and
// vitest running the client README's example. Two of the plain Node setups also serve the docs
// through @texterchat/api-docs/serve, one as ESM and one with require().
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractVersion, publishOrder, workspacePackages } from "../../tools/release.mjs";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const consumers = join(import.meta.dirname, "..", "consumers");
const verdaccioDir = join(import.meta.dirname, "..", "verdaccio");
const work = mkdtempSync(join(tmpdir(), "texter-registry-"));
const version = contractVersion(root);

/** Third-party versions of the setups, pinned; shared between setups so that npm's cache serves them once. */
const TOOLS = {
  typescript: "typescript@5.9.3",
  esbuild: "esbuild@0.28.2",
  typesNode: "@types/node@20.19.43",
  babel: ["@babel/core@7.29.13", "@babel/preset-env@7.29.14", "@babel/preset-typescript@7.29.7"],
  jest: (major: 29 | 30) => {
    const jestVersion = major === 29 ? "29.7.0" : "30.5.2";
    return [`jest@${jestVersion}`, `babel-jest@${jestVersion}`, `@jest/globals@${jestVersion}`];
  },
  vitest: "vitest@4.1.12",
};
const ours = (...names: string[]) => names.map((name) => `@texterchat/${name}@${version}`);

const timings: Record<string, number> = {};
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings[label] = Math.round(performance.now() - start);
  }
}

/** Runs a command; on failure the error carries its output. */
async function sh(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  try {
    return await run(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${options.cwd}:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}

/** Starts a process and waits for the stdout line that matches; returns the process and the match. */
async function startUntil(command: string, args: string[], pattern: RegExp, options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(" ")}: no ${pattern} within 60 s\n${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const found = line.match(pattern);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once("exit", (code) => reject(new Error(`${command} exited (${code}) before ${pattern}:\n${stderr}`)));
  });
  return { child, match };
}

const stop = (child: ChildProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

let verdaccio: ChildProcess | undefined;
let mock: ChildProcess | undefined;
let registry = "";
let mockBaseUrl = "";
let env: NodeJS.ProcessEnv = {};
let releaseOutput = "";

beforeAll(async () => {
  // Verdaccio lives in its own small project, installed once per checkout (again when its pin moves).
  const pinned = JSON.parse(readFileSync(join(verdaccioDir, "package.json"), "utf8")).dependencies.verdaccio;
  const installed = join(verdaccioDir, "node_modules", "verdaccio", "package.json");
  if (!existsSync(installed) || JSON.parse(readFileSync(installed, "utf8")).version !== pinned) {
    await timed("install Verdaccio", () => sh("npm", ["ci", "--no-audit", "--no-fund"], { cwd: verdaccioDir }));
  }
  const uplink = (await sh("npm", ["config", "get", "registry"], { cwd: root })).stdout.trim();
  const cache = (await sh("npm", ["config", "get", "cache"], { cwd: root })).stdout.trim();
  writeFileSync(
    join(work, "verdaccio.yaml"),
    [
      `storage: ${join(work, "storage")}`,
      `auth: { htpasswd: { file: ${join(work, "htpasswd")}, max_users: 1 } }`,
      `uplinks: { upstream: { url: ${JSON.stringify(uplink)}, timeout: 60s } }`,
      "packages:",
      `  "@texterchat/*": { access: $all, publish: $authenticated }`, // ours: local only, never proxied
      `  "**": { access: $all, proxy: upstream }`,
      "log: { type: stdout, format: pretty, level: error }",
    ].join("\n"),
  );
  const started = await startUntil(process.execPath, ["start.cjs", join(work, "verdaccio.yaml")], /^ready (\S+)$/, { cwd: verdaccioDir });
  verdaccio = started.child;
  registry = started.match[1]!;

  // A user for publishing, and an npm configuration that points every npm call at Verdaccio.
  const user = await fetch(`${registry}-/user/org.couchdb.user:release`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release", password: "release-password" }),
  });
  const { token } = (await user.json()) as { token: string };
  const npmrc = join(work, "npmrc");
  writeFileSync(npmrc, `registry=${registry}\n${registry.replace(/^https?:/, "")}:_authToken=${token}\n`);
  // No npm_* or VITEST* variables of this run: npm's would point installs at this repo, vitest's
  // would confuse the vitest under test.
  const inherited = Object.entries(process.env).filter(([key]) => !/^(npm_|vitest|__vitest)/i.test(key));
  env = { ...Object.fromEntries(inherited), npm_config_userconfig: npmrc, npm_config_registry: registry, npm_config_cache: cache };

  releaseOutput = (
    await timed("release to Verdaccio", () => sh("npm", ["run", "release", "--", "--registry", registry, "--no-build"], { cwd: root, env }))
  ).stdout;

  // Fresh projects, installed side by side from the registry, by version.
  const projects: Record<string, { from: string; install: string[] }> = {
    node: { from: "node", install: [...ours("api-client", "api-types", "api-mock", "api-docs"), TOOLS.typescript, TOOLS.esbuild, TOOLS.typesNode] },
    jest29: { from: "jest", install: [...ours("api-client", "api-types"), ...TOOLS.jest(29), ...TOOLS.babel, TOOLS.typescript, TOOLS.typesNode] },
    jest30: { from: "jest", install: [...ours("api-client", "api-types"), ...TOOLS.jest(30), ...TOOLS.babel, TOOLS.typescript, TOOLS.typesNode] },
    vitest: { from: "vitest", install: [...ours("api-client", "api-types"), TOOLS.vitest, TOOLS.typescript, TOOLS.typesNode] },
  };
  await timed("install the consumer projects", () =>
    Promise.all(
      Object.entries(projects).map(([name, { from, install }]) =>
        timed(`install ${name}`, async () => {
          cpSync(join(consumers, from), join(work, name), { recursive: true });
          await sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--save-exact", ...install], { cwd: join(work, name), env });
        }),
      ),
    ),
  );
  const readmeTest = readmeExampleTest(join(work, "jest29", "node_modules", "@texterchat", "api-client", "README.md"));
  for (const project of ["jest29", "jest30"]) writeFileSync(join(work, project, "readme.test.ts"), readmeTest);
  writeFileSync(join(work, "vitest", "readme.test.ts"), readmeTest.replace(`from "@jest/globals"`, `from "vitest"`));

  const mockStarted = await startUntil(join(work, "node", "node_modules", ".bin", "texter-mock"), ["--port", "0"], /ready at (\S+)$/, { cwd: work });
  mock = mockStarted.child;
  mockBaseUrl = mockStarted.match[1]!;
}, 600_000);

afterAll(async () => {
  await stop(mock);
  await stop(verdaccio);
  rmSync(work, { recursive: true, force: true });
  console.log(`registry test timings (ms): ${JSON.stringify(timings)}`);
}, 60_000);

/** The jest/vitest test file: the template with the README's first `ts` example filled in. */
function readmeExampleTest(readmeFile: string) {
  const example = readFileSync(readmeFile, "utf8").match(/```ts\n([\s\S]*?)```/)?.[1];
  if (!example) throw new Error(`${readmeFile} has no ts example`);
  const lines = example.trimEnd().split("\n");
  const imports = lines.filter((line) => line.startsWith("import "));
  const body = lines.filter((line) => !line.startsWith("import ")).join("\n    ");
  return readFileSync(join(consumers, "readme.test.template.ts"), "utf8")
    .replace("/* README imports */", imports.join("\n"))
    .replace("/* README example */", body);
}

const setupEnv = () => ({ ...env, TEXTER_BASE_URL: mockBaseUrl });
/** What a setup prints: the mock's answer to List All Labels, asked directly, the parsed webhook, and the docs page's status where it serves the docs. */
async function expectedOutput(docs?: number) {
  const response = await fetch(`${mockBaseUrl}/labels`, { headers: { authorization: "Bearer direct" } });
  const { total, labels } = (await response.json()) as { total: number; labels: unknown[] };
  return { total, labels, event: "chatSubscribed", ...(docs === undefined ? {} : { docs }) };
}

describe(`the packages published to a local registry (version ${version})`, () => {
  it("were published by the release script in dependency order", async () => {
    const order = publishOrder(workspacePackages(root)).map((pkg) => pkg.name);
    expect(order).toHaveLength(5);
    const published: { name: string; at: number }[] = [];
    for (const name of order) {
      const packument = (await (await fetch(`${registry}${name.replace("/", "%2f")}`)).json()) as { time: Record<string, string> };
      published.push({ name, at: Date.parse(packument.time[version]!) });
      expect(releaseOutput).toContain(`published ${name}@${version} to ${registry}`);
    }
    expect([...published].sort((a, b) => a.at - b.at).map((p) => p.name)).toEqual(order);
  });

  const node = () => join(work, "node");
  const tsc = () => join(node(), "node_modules", ".bin", "tsc");

  it("ESM with NodeNext: type-checks (bad calls rejected), calls the mock and serves the docs", async () => {
    const dir = join(node(), "esm-nodenext");
    await sh(tsc(), ["-p", "tsconfig.json"], { cwd: dir });
    const { stdout } = await sh(process.execPath, ["out/call.js"], { cwd: dir, env: setupEnv() });
    expect(JSON.parse(stdout)).toEqual(await expectedOutput(200));
  });

  it("Bundler resolution: type-checks, bundles with esbuild and calls the mock", async () => {
    const dir = join(node(), "bundler");
    await sh(tsc(), ["-p", "tsconfig.json"], { cwd: dir });
    await sh(join(node(), "node_modules", ".bin", "esbuild"), ["call.ts", "--bundle", "--platform=node", "--format=esm", "--outfile=out/call.mjs"], { cwd: dir });
    const bundle = readFileSync(join(dir, "out", "call.mjs"), "utf8");
    expect(bundle).not.toMatch(/from\s*["']@texterchat\//); // the client is inside the bundle
    const { stdout } = await sh(process.execPath, ["out/call.mjs"], { cwd: dir, env: setupEnv() });
    expect(JSON.parse(stdout)).toEqual(await expectedOutput());
  });

  it("CommonJS require() with require(esm) off: type-checks (checkJs), runs startMock and the client, serves the docs", async () => {
    const dir = join(node(), "cjs-require");
    // The flag is in force on this Node: the ESM build cannot be require()d.
    const esmBuild = join(node(), "node_modules", "@texterchat", "api-client", "dist", "index.js");
    const refused = await run(process.execPath, ["--no-experimental-require-module", "-e", `require(${JSON.stringify(esmBuild)})`]).catch((error) => error);
    expect(refused.stderr).toContain("ERR_REQUIRE_ESM");
    await sh(tsc(), ["-p", "tsconfig.json"], { cwd: dir });
    const { stdout } = await sh(process.execPath, ["--no-experimental-require-module", "call.js"], { cwd: dir, env: setupEnv() });
    expect(JSON.parse(stdout)).toEqual(await expectedOutput(200));
  });

  it.each(["node10", "node16"])("TypeScript compiled to CommonJS with moduleResolution %s: type-checks and calls the mock", async (resolution) => {
    const dir = join(node(), "ts-cjs");
    await sh(tsc(), ["-p", `tsconfig.${resolution}.json`], { cwd: dir });
    const compiled = readFileSync(join(dir, `out-${resolution}`, "call.js"), "utf8");
    expect(compiled).toContain(`require("@texterchat/api-client")`);
    const { stdout } = await sh(process.execPath, ["--no-experimental-require-module", `out-${resolution}/call.js`], { cwd: dir, env: setupEnv() });
    expect(JSON.parse(stdout)).toEqual(await expectedOutput());
  });

  it.each(["jest29", "jest30"])("%s with its default configuration and babel-jest: the README example type-checks and passes", async (project) => {
    const dir = join(work, project);
    await sh(join(dir, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: dir });
    const { stderr } = await sh(join(dir, "node_modules", ".bin", "jest"), ["--ci"], { cwd: dir, env: setupEnv() });
    expect(stderr).toMatch(/Tests:\s+1 passed, 1 total/);
  });

  it("vitest: the README example type-checks and passes", async () => {
    const dir = join(work, "vitest");
    await sh(join(dir, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: dir });
    const { stdout } = await sh(join(dir, "node_modules", ".bin", "vitest"), ["run"], { cwd: dir, env: { ...setupEnv(), NO_COLOR: "1" } });
    expect(stdout).toMatch(/Tests\s+1 passed \(1\)/);
  });
});
