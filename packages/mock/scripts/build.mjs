// Copies the spec bundle into the package and precomputes Prism's view of it (so that the mock
// starts without converting the spec).
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { BUNDLED_SPEC } from "../src/spec.mjs";
import { writeOperationsCache } from "../src/prism.mjs";

const source = createRequire(import.meta.url).resolve("@texterchat/openapi/openapi.json");
mkdirSync(new URL("../dist/", import.meta.url), { recursive: true });
copyFileSync(source, BUNDLED_SPEC);
await writeOperationsCache(readFileSync(BUNDLED_SPEC, "utf8"));
console.log(`@texterchat/api-mock: copied ${source} and cached Prism's operations`);
