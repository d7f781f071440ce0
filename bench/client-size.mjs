// Size of @texterchat/api-client's entry as a consumer's bundler ships it: everything it imports,
// openapi-fetch included, bundled, minified and gzipped (level 9), for an ESM `import` and for a
// CommonJS `require()` (the CommonJS build, with openapi-fetch's). Baseline measured in the same
// run: openapi-fetch alone. Goal: ESM entry ≤ 5 kB min+gz. Needs `npm run build` first.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const resolveDir = fileURLToPath(new URL("../packages/client", import.meta.url));

/** Bundles `export * from "<specifier>"` (or `module.exports = require(…)`) as a consumer's bundler resolves it. */
async function size(specifier, format = "esm") {
  const contents = format === "esm" ? `export * from ${JSON.stringify(specifier)};` : `module.exports = require(${JSON.stringify(specifier)});`;
  const { outputFiles } = await build({
    stdin: { contents, resolveDir },
    bundle: true,
    minify: true,
    format,
    platform: format === "esm" ? "neutral" : "node",
    write: false,
  });
  const code = outputFiles[0].contents;
  return { min: code.length, gz: gzipSync(code, { level: 9 }).length };
}

const rows = {
  "openapi-fetch alone (baseline)": await size("openapi-fetch"),
  "@texterchat/api-client": await size("@texterchat/api-client"),
  "@texterchat/api-client/webhooks": await size("@texterchat/api-client/webhooks"),
  "openapi-fetch alone, require()": await size("openapi-fetch", "cjs"),
  "@texterchat/api-client, require()": await size("@texterchat/api-client", "cjs"),
  "@texterchat/api-client/webhooks, require()": await size("@texterchat/api-client/webhooks", "cjs"),
};
const baseline = rows["openapi-fetch alone (baseline)"].gz;
console.log("bundle size (esbuild --bundle --minify, gzip -9)");
for (const [name, { min, gz }] of Object.entries(rows)) {
  console.log(`  ${name.padEnd(42)} ${String(min).padStart(6)} B min  ${String(gz).padStart(5)} B min+gz  ×${(gz / baseline).toFixed(2)} baseline`);
}
const entry = rows["@texterchat/api-client"].gz;
console.log(`  entry budget: ${entry} / 5000 B ${entry <= 5000 ? "OK" : "OVER"}`);
