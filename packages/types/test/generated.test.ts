import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM script without declarations
import { generate } from "../scripts/generate.mjs";

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");

describe("@texterchat/api-types is generated from spec/dist and committed", () => {
  it("the committed .d.ts files are what the generator produces now (run `npm run generate -w @texterchat/api-types`)", async () => {
    const { files } = (await generate()) as { files: Record<string, string> };
    for (const [file, content] of Object.entries(files)) expect(read(file), `${file} is stale`).toBe(content);
  });

  it("package.json carries the contract version", async () => {
    const { version } = (await generate()) as { version: string };
    expect(JSON.parse(read("package.json")).version).toBe(version);
  });
});
