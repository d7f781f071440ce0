// Copies the spec bundle into the package, precomputes Prism's view of it and every validator the
// mock uses (so that the mock starts without converting the spec or compiling schemas), and builds
// the CommonJS entry for `require()`.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { BUNDLED_SPEC, Spec, VALIDATORS_CACHE } from "../src/spec.mjs";
import { writeOperationsCache } from "../src/prism.mjs";
import { compileValidators } from "../src/validate.mjs";
import { bundleCommonJs, declarationsAsCommonJs } from "../../../tools/commonjs.mjs";

const source = createRequire(import.meta.url).resolve("@texterchat/openapi/openapi.json");
mkdirSync(new URL("../dist/", import.meta.url), { recursive: true });
copyFileSync(source, BUNDLED_SPEC);
await writeOperationsCache(readFileSync(BUNDLED_SPEC, "utf8"));
const spec = new Spec(BUNDLED_SPEC, { compileForCache: true });
for (const operation of spec.operations) compileValidators(spec, operation);
for (const webhook of Object.values(spec.webhooks)) spec.validator(webhook.schemaAt);
writeFileSync(VALIDATORS_CACHE, spec.validatorsModule());
for (const entry of ["index", "msw"]) await bundleCommonJs({ entry: `src/${entry}.mjs`, outfile: `dist/${entry}.cjs` });
declarationsAsCommonJs("src", "dist");
console.log(`@texterchat/api-mock: copied ${source}, cached Prism's operations, compiled ${spec.validators.size} validators, built dist/index.cjs and dist/msw.cjs`);
