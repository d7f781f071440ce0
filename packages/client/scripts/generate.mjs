// Generates src/generated/webhooks.ts — the eventData keys each webhook event always carries and
// their JSON types — from the bundled spec. Run `npm run generate`; a test fails when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { resolveRef } from "../../../tools/openapi.mjs";

const specPath = createRequire(import.meta.url).resolve("@texterchat/openapi/openapi.json");
const OUTPUT = "src/generated/webhooks.ts";

/** JSON kinds a schema admits: object, array, string, number, boolean, null. */
function kinds(spec, schema) {
  const resolved = resolveRef(spec, schema);
  const branches = resolved.oneOf ?? resolved.anyOf;
  if (branches) return [...new Set(branches.flatMap((branch) => kinds(spec, branch)))];
  const types = [resolved.type ?? (resolved.properties ? "object" : undefined)].flat();
  if (types.includes(undefined)) throw new Error(`Cannot tell the JSON type of ${JSON.stringify(schema)}`);
  return [...new Set(types.map((type) => (type === "integer" ? "number" : type)))];
}

export function generate() {
  const spec = JSON.parse(readFileSync(specPath, "utf8"));
  const entries = Object.entries(spec.webhooks).map(([eventName, item]) => {
    const envelope = resolveRef(spec, item.post.requestBody.content["application/json"].schema);
    const eventData = resolveRef(spec, envelope.properties.eventData);
    const keys = (eventData.required ?? []).map((key) => `${key}: ${JSON.stringify(kinds(spec, eventData.properties[key]))}`);
    return `  ${eventName}: { ${keys.join(", ")} },`;
  });
  return {
    [OUTPUT]: [
      `// Generated from @texterchat/openapi ${spec.info.version} by packages/client/scripts/generate.mjs. Do not edit.`,
      `import type { WebhookEventName } from "@texterchat/api-types";`,
      ``,
      `export type JsonKind = "object" | "array" | "string" | "number" | "boolean" | "null";`,
      ``,
      `/** For every webhook event: the eventData keys Texter always sends, and the JSON kinds each may hold. */`,
      `export const WEBHOOK_EVENT_DATA: { readonly [N in WebhookEventName]: Readonly<Record<string, readonly JsonKind[]>> } = {`,
      ...entries,
      `};`,
      ``,
    ].join("\n"),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, content] of Object.entries(generate())) writeFileSync(new URL(`../${file}`, import.meta.url), content);
  console.log(`Generated ${OUTPUT}`);
}
