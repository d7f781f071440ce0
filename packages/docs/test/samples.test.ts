// The TypeScript request samples the docs show on every operation compile against
// @texterchat/api-client, so that a reader can paste them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { typecheckSnippets } from "../../../tools/typecheck.mjs";
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
