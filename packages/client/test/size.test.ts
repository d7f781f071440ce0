import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("bundle size", () => {
  it("the entry, openapi-fetch included, stays within 5 kB min+gz (bench/client-size.mjs prints the breakdown)", async () => {
    const { outputFiles } = await build({
      stdin: { contents: `export * from "@texterchat/api-client";`, resolveDir: import.meta.dirname },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      write: false,
    });
    expect(gzipSync(outputFiles[0]!.contents, { level: 9 }).length).toBeLessThanOrEqual(5_000);
  });
});
