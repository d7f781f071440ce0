import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** min+gz bytes of the entry bundled the way an ESM `import` or a CommonJS `require()` consumer gets it, and the files it holds. */
async function bundled(format: "esm" | "cjs") {
  const contents = format === "esm" ? `export * from "@texterchat/api-client";` : `module.exports = require("@texterchat/api-client");`;
  const { outputFiles, metafile } = await build({
    stdin: { contents, resolveDir: import.meta.dirname },
    bundle: true,
    minify: true,
    format,
    platform: format === "esm" ? "neutral" : "node",
    write: false,
    metafile: true,
  });
  return { gz: gzipSync(outputFiles[0]!.contents, { level: 9 }).length, inputs: Object.keys(metafile.inputs) };
}

describe("bundle size (bench/client-size.mjs prints the breakdown)", () => {
  it("the ESM entry, openapi-fetch included, stays within 5 kB min+gz", async () => {
    const { gz, inputs } = await bundled("esm");
    expect(inputs.filter((input) => input.includes("/dist/cjs/") || input.endsWith(".cjs"))).toEqual([]);
    expect(gz).toBeLessThanOrEqual(5_000);
  });

  it("the CommonJS entry is the CommonJS build with openapi-fetch's, within 6.5 kB min+gz", async () => {
    const { gz, inputs } = await bundled("cjs");
    expect(inputs.some((input) => input.endsWith("packages/client/dist/cjs/index.js"))).toBe(true);
    expect(inputs.some((input) => input.endsWith("openapi-fetch/dist/index.cjs"))).toBe(true);
    expect(gz).toBeLessThanOrEqual(6_500);
  });
});
