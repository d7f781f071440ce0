// Two code generators that TypeScript teams pick instead of openapi-fetch, run on the bundle the
// way their users run them: each generates without error, the probes in ./probes (the Message
// union narrowed both ways, the named status enums, template button items, request bodies with
// rules between their fields) type-check with `--strict` against each output, and
// openapi-zod-client's module loads and parses the spec's example messages.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient } from "@hey-api/openapi-ts";
import { generateZodClientFromOpenAPI } from "openapi-zod-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typecheckFiles } from "../../../tools/typecheck.mjs";
import { loadBundle, specDir, type JsonObject } from "../support.js";

const probesDir = join(specDir, "test", "third-party", "probes");
const bundleFile = join(specDir, "dist", "openapi.json");

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "texter-generators-"));
  // The generated files are ESM `.ts`, as in a `"type": "module"` project.
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `{ at: "file:line", code: "TSnnnn" }` of one tsc diagnostic line (`file(line,col): error TSnnnn: …`). */
function diagnostic(line: string): { at: string; code: string } | undefined {
  const match = /^(\S+)\((\d+),\d+\): error (TS\d+):/.exec(line);
  return match ? { at: `${match[1]}:${match[2]}`, code: match[3]! } : undefined;
}

/** `file:line` → TS code of the errors a probe announces with a trailing `// expect-error TSnnnn`. */
function announcedErrors(file: string): [string, string][] {
  const lines = readFileSync(join(probesDir, file), "utf8").split("\n");
  return lines.flatMap((line, index) => {
    const match = /\/\/ expect-error (TS\d+)\s*$/.exec(line);
    return match ? [[`${file}:${index + 1}`, match[1]!] as [string, string]] : [];
  });
}

describe("third-party generators on spec/dist/openapi.json", () => {
  it("@hey-api/openapi-ts generates types, SDK and fetch client (enums as named objects)", async () => {
    await createClient({
      input: bundleFile,
      output: join(dir, "hey-api"),
      logs: { level: "silent", file: false },
      plugins: ["@hey-api/client-fetch", { name: "@hey-api/typescript", enums: "javascript" }, "@hey-api/sdk"],
    }).catch((error) => {
      // Its JobError has no message of its own; the cause is in originalError.error.
      throw new Error(`@hey-api/openapi-ts failed: ${error.originalError?.error?.stack ?? error}`);
    });
    expect(readdirSync(join(dir, "hey-api"))).toEqual(expect.arrayContaining(["index.ts", "types.gen.ts", "sdk.gen.ts"]));
  });

  it("openapi-zod-client generates a zodios client with every schema exported", async () => {
    // The CLI's `--export-schemas --additional-props-default-value false`: objects strip unknown
    // keys, because with its default (`passthrough`) every inferred type gets an index signature
    // and `"type" in m` can never narrow a union. The bundle has only local references, so it is
    // passed as parsed (the CLI's SwaggerParser.bundle step changes nothing here).
    mkdirSync(join(dir, "zod"));
    await generateZodClientFromOpenAPI({
      openApiDoc: loadBundle() as never,
      distPath: join(dir, "zod", "client.ts"),
      options: { shouldExportAllSchemas: true, additionalPropertiesDefaultValue: false },
    });
    expect(readFileSync(join(dir, "zod", "client.ts"), "utf8")).toMatch(/^export const schemas = \{/m);
  });

  it("the probes compile with --strict against both outputs, and the must-not-compile probe fails exactly as announced", async () => {
    const probes = readdirSync(probesDir).filter((file) => file.endsWith(".probe.mts"));
    for (const probe of probes) copyFileSync(join(probesDir, probe), join(dir, probe));
    const output = await typecheckFiles(dir, probes);
    const announced = new Map(probes.flatMap(announcedErrors));
    expect(announced.size, "the must-not-compile probe announces its errors").toBeGreaterThan(0);
    const reported = output.split("\n").filter((line) => diagnostic(line));
    expect(reported.filter((line) => announced.get(diagnostic(line)!.at) !== diagnostic(line)!.code), "errors nobody announced").toEqual([]);
    const reportedAt = new Set(reported.map((line) => diagnostic(line)!.at));
    expect([...announced.keys()].filter((at) => !reportedAt.has(at)), "announced errors that tsc did not report").toEqual([]);
  });

  it("openapi-zod-client's module loads and parses every example message (and rejects a broken one)", async () => {
    const { schemas } = await import(pathToFileURL(join(dir, "zod", "client.ts")).href);
    const bundle = loadBundle() as any;
    const messages: JsonObject[] = Object.values(bundle.paths)
      .flatMap((item: any) => Object.values(item))
      .filter((op: any) => op.operationId === "getChatMessages")
      .flatMap((op: any) => Object.values(op.responses["200"].content["application/json"].examples))
      .flatMap((example: any) => example.value.messages);
    expect(messages.some((m) => m.systemMessage === true) && messages.some((m) => m.type === "text"), "examples of both kinds").toBe(true);
    for (const message of messages) expect(schemas.Message.parse(message)).toEqual(message);
    const broken = { ...messages.find((m) => m.type === "text")!, timestamp: "yesterday" };
    expect(() => schemas.Message.parse(broken)).toThrow(/timestamp/);
  });
});
