// The TypeScript request samples the docs show on every operation compile against
// @texterchat/api-client, so that a reader can paste them; and the one repair the generated
// samples get (test/samples-run.test.ts runs them all against the mock).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { typecheckSnippets } from "../../../tools/typecheck.mjs";
import { javaBodyless } from "../src/code-samples.mjs";
import { COLLECTION_FILE } from "../src/dist.mjs";
import { docsSpec } from "../src/docs-spec.mjs";
import { loadSpec, operations } from "../src/openapi.mjs";
import { builtFile } from "./built";

const docs = await docsSpec(loadSpec(), JSON.parse(readFileSync(builtFile(COLLECTION_FILE), "utf8")));
const samples = [...operations(docs)].map(({ operation }) => ({
  name: `${operation.operationId}.mts`,
  code: (operation["x-codeSamples"] as { lang: string; source: string }[]).find((sample) => sample.lang === "TypeScript")!.source,
}));

describe("docs TypeScript samples", () => {
  it("every operation has one", () => {
    expect(samples).toHaveLength([...operations(loadSpec())].length);
  });

  it("all type-check against the client with strict settings", async () => {
    expect(await typecheckSnippets(samples)).toBe("");
  });
});

describe("javaBodyless (the Java OkHttp generator's GET bodies)", () => {
  const generatedGet = [
    "OkHttpClient client = new OkHttpClient().newBuilder()",
    "  .build();",
    'MediaType mediaType = MediaType.parse("text/plain");',
    'RequestBody body = RequestBody.create(mediaType, "");',
    "Request request = new Request.Builder()",
    '  .url("https://{projectID}.texterchat.com/server/api/v2/labels")',
    '  .method("GET", body)',
    "  .build();",
  ].join("\n");

  it("drops the body that OkHttp refuses on a GET", () => {
    const fixed = javaBodyless(generatedGet, "GET");
    expect(fixed).toContain('.method("GET", null)');
    expect(fixed).not.toMatch(/MediaType|RequestBody/);
  });

  it("leaves methods that take a body alone", () => {
    expect(javaBodyless(generatedGet.replace('"GET"', '"POST"'), "POST")).toBe(generatedGet.replace('"GET"', '"POST"'));
  });

  it("fails when the generator's output no longer has the expected shape", () => {
    expect(() => javaBodyless(generatedGet.replace('RequestBody.create(mediaType, "")', 'RequestBody.create("", mediaType)'), "GET")).toThrow(/still sends a body/);
  });
});
