// `npm start`: after the build, tell where the artefacts are.
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const bundle = ["spec/dist/openapi.yaml", "spec/dist/openapi.json"].map((file) => join(root, file));
const missing = bundle.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`Build output missing: ${missing.map((f) => relative(root, f)).join(", ")}. Run \`npm run build\` first.`);
  process.exit(1);
}
console.log("Texter API contract built.");
for (const file of bundle) console.log(`  bundle: ${relative(root, file)}`);
