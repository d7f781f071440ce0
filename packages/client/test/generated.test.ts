import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM script without declarations
import { generate } from "../scripts/generate.mjs";

describe("generated client code", () => {
  it("src/generated is what the generator produces from spec/dist (run `npm run generate -w @texterchat/api-client`)", () => {
    for (const [file, content] of Object.entries(generate() as Record<string, string>)) {
      expect(readFileSync(new URL(`../${file}`, import.meta.url), "utf8"), `${file} is stale`).toBe(content);
    }
  });
});
