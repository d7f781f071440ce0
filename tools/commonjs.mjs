// CommonJS builds beside the ESM sources, for consumers that `require()` with Node's require(esm)
// off (jest's default configuration, `--no-experimental-require-module`, Node < 20.19).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { build } from "esbuild";

/** Makes every `.js`/`.d.ts` below `dir` CommonJS for Node and TypeScript (a `"type": "commonjs"` marker). */
export function markCommonJs(dir) {
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
}

const URL_OF = "__texterFileUrl";

/**
 * Bundles an ESM entry and its relative imports into one CommonJS file, packages left as
 * `require()`s. `import.meta.url` in each bundled file keeps pointing at that file's own place in
 * the package (its sources ship beside the bundle), so `new URL("../dist/x", import.meta.url)`
 * finds the same file from the bundle as from the source.
 */
export async function bundleCommonJs({ entry, outfile }) {
  const outDir = dirname(resolve(outfile));
  const keepImportMetaUrl = {
    name: "import-meta-url",
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.m?js$/ }, async ({ path }) => {
        const source = await readFile(path, "utf8");
        const fromBundle = JSON.stringify(relative(outDir, path).split("\\").join("/"));
        return { contents: source.replaceAll("import.meta.url", `${URL_OF}(${fromBundle})`), loader: "js" };
      });
    },
  };
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    packages: "external",
    plugins: [keepImportMetaUrl],
    // Defined outside the bundle's scope, so no renaming of the sources' own `require` touches it.
    banner: { js: `const ${URL_OF} = (path) => require("node:url").pathToFileURL(require("node:path").join(__dirname, path)).href;` },
    logLevel: "warning",
    logOverride: { "empty-import-meta": "error" },
  });
}

/**
 * Writes CommonJS twins (`.d.cts`) of the `.d.mts` declarations below `srcDir` into `outDir`, same
 * layout, with relative `.d.mts`/`.mjs` specifiers pointed at the twins, for the `require` condition.
 */
export function declarationsAsCommonJs(srcDir, outDir) {
  for (const entry of readdirSync(srcDir, { recursive: true })) {
    if (!entry.endsWith(".d.mts")) continue;
    const source = readFileSync(join(srcDir, entry), "utf8");
    const twin = source.replace(/(from\s+"\.{1,2}\/[^"]*?)\.(d\.mts|mjs)"/g, (_, path, ext) => `${path}.${ext === "mjs" ? "cjs" : "d.cts"}"`);
    const target = join(outDir, entry.replace(/\.d\.mts$/, ".d.cts"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, twin);
  }
}
