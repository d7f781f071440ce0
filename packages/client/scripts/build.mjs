// Two tsc passes: ESM with its declarations in dist/, CommonJS with its declarations in dist/cjs/
// (marked `"type": "commonjs"`, so Node and TypeScript read that folder as CommonJS).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { markCommonJs } from "../../../tools/commonjs.mjs";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync("dist", { recursive: true, force: true });
for (const config of ["tsconfig.build.json", "tsconfig.cjs.json"]) {
  execFileSync(process.execPath, [tsc, "-p", config], { stdio: "inherit" });
}
markCommonJs("dist/cjs");
