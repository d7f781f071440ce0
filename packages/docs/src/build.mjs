// `npm run build`: dist/index.html, a self-contained Redoc page rendered from a docs-only copy of
// spec/dist/openapi.json, dist/texter-api.postman_collection.json, and the CommonJS build of
// `./serve` (dist/serve.cjs with its declarations).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { SAMPLE_LANGUAGES } from "./languages.mjs";
import { fileURLToPath } from "node:url";
import { DOCS_TITLE, docsSpec } from "./docs-spec.mjs";
import { COLLECTION_FILE, DOCS_PAGE, distDir } from "./dist.mjs";
import { loadSpec } from "./openapi.mjs";
import { postmanCollection } from "./postman.mjs";
import { bundleCommonJs } from "../../../tools/commonjs.mjs";

const REDOC_OPTIONS = {
  showExtensions: ["x-texter-unverified"],
  codeSamples: { languages: SAMPLE_LANGUAGES.map(({ lang, label }) => ({ lang, label })) },
};

// Redoc's "API docs by" footer loads Redocly's logo from its CDN; the page must load nothing.
const REDOCLY_CDN_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const OFFLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='56' height='16'><text x='0' y='12' font-family='sans-serif' font-size='12' fill='#555'>Redocly</text></svg>",
)}`;

const redoclyCli = join(dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin", "cli.js");

function buildDocsPage(docs, output) {
  const workDir = mkdtempSync(join(tmpdir(), "texter-docs-"));
  try {
    const docsSpecFile = join(workDir, "openapi.docs.json");
    writeFileSync(docsSpecFile, JSON.stringify(docs));
    const result = spawnSync(
      process.execPath,
      [redoclyCli, "build-docs", docsSpecFile, "--output", output, "--inlineBundle", "--title", DOCS_TITLE, "--openapi", JSON.stringify(REDOC_OPTIONS)],
      { cwd: workDir, encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true" } },
    );
    if (result.status !== 0) throw new Error(`redocly build-docs failed:\n${result.stdout}${result.stderr}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const html = readFileSync(output, "utf8").replace(REDOCLY_CDN_LOGO, OFFLINE_LOGO);
  writeFileSync(output, html);
  const remote = html.match(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?\/\/[^"'\s>]+|@import\s+(?:url\()?["']?(?:https?:)?\/\/[^"')\s]+/gi);
  if (remote) throw new Error(`${output} loads remote resources:\n${remote.join("\n")}`);
}

const spec = loadSpec();
mkdirSync(distDir, { recursive: true });
const collection = await postmanCollection(spec);
buildDocsPage(await docsSpec(spec, collection), join(distDir, DOCS_PAGE));
writeFileSync(join(distDir, COLLECTION_FILE), `${JSON.stringify(collection, null, 2)}\n`);
await bundleCommonJs({ entry: fileURLToPath(new URL("serve.mjs", import.meta.url)), outfile: join(distDir, "serve.cjs") });
copyFileSync(new URL("serve.d.mts", import.meta.url), join(distDir, "serve.d.cts"));
console.log(`api-docs: wrote ${join(distDir, DOCS_PAGE)}, ${join(distDir, COLLECTION_FILE)} and serve.cjs`);
