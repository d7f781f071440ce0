// What another team does: install the packed tarballs into a fresh project, type-check a real
// call under both NodeNext and Bundler resolution, see bad calls rejected, and run the call.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, startServer } from "./helpers.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..", "..");
const tsc = join(root, "node_modules", ".bin", "tsc");
const project = mkdtempSync(join(tmpdir(), "texter-consumer-"));

const CALL = `import { createTexterClient } from "@texterchat/api-client";
declare const process: { argv: string[] };
const texter = createTexterClient({ baseUrl: process.argv[2] ?? "http://127.0.0.1:1/server/api/v2", token: "consumer-token" });
const { data, error } = await texter.GET("/chats/search", { params: { query: { search: "Dana" } } });
if (error) throw new Error("unexpected error " + JSON.stringify(error));
const titles: (string | undefined)[] = data.data.map((chat) => chat.title);
console.log(JSON.stringify({ total: data.total, titles }));
`;
const BAD_PATH = `import { createTexterClient } from "@texterchat/api-client";
const texter = createTexterClient({ baseUrl: "http://127.0.0.1:1", token: "t" });
await texter.GET("/chats/serach");
`;
const MISSING_PATH_PARAM = `import { createTexterClient } from "@texterchat/api-client";
const texter = createTexterClient({ baseUrl: "http://127.0.0.1:1", token: "t" });
await texter.POST("/chats/{chatId}/resolve", { body: { notifyClient: true } });
`;

const FILES = ["call.ts", "bad-path.ts", "missing-path-param.ts"];

/** Type-checks the three files in one tsc run; returns the error lines per file. */
async function typecheck(moduleResolution: "NodeNext" | "Bundler", emit: boolean): Promise<Record<string, string[]>> {
  const config = `tsconfig.${moduleResolution}.json`;
  const compilerOptions = {
    target: "ES2022",
    module: moduleResolution === "NodeNext" ? "NodeNext" : "ESNext",
    moduleResolution,
    strict: true,
    lib: ["ES2022", "DOM"],
    types: [],
    skipLibCheck: false,
    outDir: "out",
    noEmit: !emit,
  };
  writeFileSync(join(project, config), JSON.stringify({ compilerOptions, files: FILES }));
  const output = await run(tsc, ["-p", config], { cwd: project }).then(
    (result) => result.stdout,
    (error: { stdout: string }) => error.stdout,
  );
  const errors: Record<string, string[]> = {};
  for (const line of output.split("\n").filter((l) => / error TS\d+:/.test(l))) {
    const file = line.slice(0, line.indexOf("("));
    (errors[file] ??= []).push(line);
  }
  return errors;
}

beforeAll(async () => {
  await run("npm", ["pack", "--silent", "--pack-destination", project, "-w", "@texterchat/api-types", "-w", "@texterchat/api-client"], { cwd: root });
  const tarballs = readdirSync(project).filter((f) => f.endsWith(".tgz"));
  expect(tarballs).toHaveLength(2);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...tarballs.map((t) => `./${t}`)], { cwd: project });
  writeFileSync(join(project, "call.ts"), CALL);
  writeFileSync(join(project, "bad-path.ts"), BAD_PATH);
  writeFileSync(join(project, "missing-path-param.ts"), MISSING_PATH_PARAM);
}, 180_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("a fresh project that installs only the two tarballs", () => {
  const results: Partial<Record<"NodeNext" | "Bundler", Record<string, string[]>>> = {};
  beforeAll(async () => {
    results.NodeNext = await typecheck("NodeNext", true);
    results.Bundler = await typecheck("Bundler", false);
  }, 180_000);

  it.each(["NodeNext", "Bundler"] as const)("type-checks a real call, and the packages' own declarations, under %s (skipLibCheck off)", (resolution) => {
    const errors = results[resolution]!;
    expect(Object.keys(errors).filter((file) => !FILES.slice(1).includes(file))).toEqual([]);
    expect(errors["call.ts"]).toBeUndefined();
  });

  it.each(["NodeNext", "Bundler"] as const)("rejects an unknown path under %s", (resolution) => {
    const errors = results[resolution]!["bad-path.ts"] ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bad-path\.ts\(3,\d+\): error TS\d+: /);
  });

  it.each(["NodeNext", "Bundler"] as const)("rejects a call missing a path parameter under %s", (resolution) => {
    const errors = results[resolution]!["missing-path-param.ts"] ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^missing-path-param\.ts\(3,\d+\): error TS\d+: /);
  });

  it("runs the compiled call against a server and gets typed data back", async () => {
    const server = await startServer((req, res) =>
      req.headers.authorization === "Bearer consumer-token"
        ? json(res, 200, { data: [{ _id: "c1", title: "Dana Levi" }], total: 1 })
        : json(res, 401, { success: false, error: "Missing or invalid bearer token" }),
    );
    try {
      const { stdout } = await run(process.execPath, [join(project, "out", "call.js"), server.baseUrl], { cwd: project });
      expect(JSON.parse(stdout)).toEqual({ total: 1, titles: ["Dana Levi"] });
      expect(server.requests[0]!.url).toBe("/server/api/v2/chats/search?search=Dana");
    } finally {
      await server.close();
    }
  });
});
