// Generates src/schema.d.ts (openapi-typescript), src/index.d.ts (named exports) and its ESM twin
// src/index.d.mts from the bundled spec, and stamps the spec's version into package.json. Run
// `npm run generate`; the tests fail when the committed output differs from what this produces.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const specPath = createRequire(import.meta.url).resolve("@texterchat/openapi/openapi.json");

const HEADER = (version) =>
  `// Generated from @texterchat/openapi ${version} by packages/types/scripts/generate.mjs. Do not edit.\n`;

/** `Error` would shadow the global in consumers' code; everything else keeps its schema name. */
const EXPORT_NAMES = { Error: "ApiError" };

function jsdoc(text, indent = "") {
  const lines = String(text).trim().split("\n");
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line.replaceAll("*/", "*\\/")}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

function webhookEventSchemas(spec) {
  return Object.entries(spec.webhooks).map(([eventName, item]) => {
    const ref = item.post.requestBody.content["application/json"].schema.$ref;
    return { eventName, schema: ref.split("/").pop() };
  });
}

function indexSource(spec) {
  const schemas = spec.components.schemas;
  const out = [HEADER(spec.info.version)];
  out.push(`import type { components } from "./schema.js";\n`);
  out.push(`export type { $defs, components, operations, paths, webhooks } from "./schema.js";\n\n`);
  out.push(`/** Version of the Texter API contract these types were generated from. */\n`);
  out.push(`export type TexterContractVersion = ${JSON.stringify(spec.info.version)};\n\n`);

  for (const [name, schema] of Object.entries(schemas)) {
    const exportName = EXPORT_NAMES[name] ?? name;
    if (schema.description) out.push(jsdoc(schema.description));
    out.push(`export type ${exportName} = components["schemas"][${JSON.stringify(name)}];\n`);
    const names = schema["x-enum-varnames"];
    if (Array.isArray(names)) {
      const descriptions = schema["x-enum-descriptions"] ?? [];
      out.push(`/** Named values of {@link ${exportName}}: \`${exportName}.${names[0]}\` is \`${schema.enum[0]}\`. */\n`);
      out.push(`export declare namespace ${exportName} {\n`);
      names.forEach((varName, i) => {
        if (descriptions[i]) out.push(jsdoc(descriptions[i], "  "));
        out.push(`  type ${varName} = ${JSON.stringify(schema.enum[i])};\n`);
      });
      out.push(`}\n`);
    }
  }

  const events = webhookEventSchemas(spec);
  out.push(`\n/** Every webhook envelope Texter can POST to a subscriber, discriminated by \`eventName\`. */\n`);
  out.push(`export type WebhookEvent =\n${events.map((e) => `  | ${EXPORT_NAMES[e.schema] ?? e.schema}`).join("\n")};\n`);
  out.push(`/** The \`eventName\` of every webhook. */\n`);
  out.push(`export type WebhookEventName = WebhookEvent["eventName"];\n`);
  out.push(`/** The envelope of one webhook event. */\n`);
  out.push(`export type WebhookEventOf<N extends WebhookEventName> = Extract<WebhookEvent, { eventName: N }>;\n`);
  return out.join("");
}

/** Returns the generated files (relative path → content) and the package.json version. */
export async function generate() {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  // emptyObjectsUnknown: free-form objects (crmData, step params…) take any keys instead of none.
  const ast = await openapiTS(spec, { alphabetize: false, defaultNonNullable: false, emptyObjectsUnknown: true });
  return {
    version: spec.info.version,
    files: {
      "src/schema.d.ts": HEADER(spec.info.version) + astToString(ast),
      "src/index.d.ts": indexSource(spec),
      // The package is CommonJS (declarations only); ESM importers get the same types as ESM.
      "src/index.d.mts": `${HEADER(spec.info.version)}export type * from "./index.js";\n`,
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version, files } = await generate();
  for (const [file, content] of Object.entries(files)) writeFileSync(new URL(`../${file}`, import.meta.url), content);
  const pkgPath = new URL("../package.json", import.meta.url);
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
  pkg.version = version;
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + "\n");
  console.log(`Generated ${Object.keys(files).join(", ")} for contract ${version} in ${packageDir}`);
}
