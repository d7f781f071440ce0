// Copies the spec bundle into the package, precomputes Prism's view of it (so that the mock
// starts without converting the spec), and builds the CommonJS entry for `require()`.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { BUNDLED_SPEC } from "../src/spec.mjs";
import { writeOperationsCache } from "../src/prism.mjs";
import { bundleCommonJs } from "../../../tools/commonjs.mjs";

const source = createRequire(import.meta.url).resolve("@texterchat/openapi/openapi.json");
mkdirSync(new URL("../dist/", import.meta.url), { recursive: true });
copyFileSync(source, BUNDLED_SPEC);
await writeOperationsCache(readFileSync(BUNDLED_SPEC, "utf8"));
await bundleCommonJs({ entry: "src/index.mjs", outfile: "dist/index.cjs" });
copyFileSync("src/index.d.mts", "dist/index.d.cts");
console.log(`@texterchat/api-mock: copied ${source}, cached Prism's operations, built dist/index.cjs`);
