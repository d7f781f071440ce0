// The docs-only copy of the bundled spec: branded title and intro, request samples in every
// language of SAMPLE_LANGUAGES on every operation, and an "Unverified" badge on every unverified
// operation or webhook.
import { generatedSamples, TOKEN_PLACEHOLDER } from "./code-samples.mjs";
import { SAMPLE_LANGUAGES } from "./languages.mjs";
import { COLLECTION_FILE } from "./dist.mjs";
import { exampleRequest, operations, webhooks } from "./openapi.mjs";

export const DOCS_TITLE = "Texter API V2 reference";
export const UNVERIFIED_BADGE = { name: "Unverified", color: "orange" };

const INTRO = `This page is self-contained: save it and open it offline, nothing is loaded from the network.
Every operation shows a request sample in ${SAMPLE_LANGUAGES.map(({ label }) => label).join(", ")}: replace
\`{projectID}\` in the URL and \`${TOKEN_PLACEHOLDER}\` with your own (the TypeScript samples read the token from
\`TEXTER_TOKEN\`). Elements marked **Unverified** are this kit's best guess where Texter's reference is silent.
A Postman collection of every operation, [${COLLECTION_FILE}](${COLLECTION_FILE}), sits next to this
page: import it and set its \`projectID\` and \`apiToken\` variables.`;

/**
 * @param {object} spec the bundled spec (spec/dist/openapi.json)
 * @param {object} collection the Postman collection that postman.mjs makes of it: the generated
 *   samples are made of its requests
 */
export async function docsSpec(spec, collection) {
  const docs = structuredClone(spec);
  docs.info.title = DOCS_TITLE;
  docs.info.description = `${INTRO}\n\n${docs.info.description ?? ""}`;
  const server = docs.servers?.[0];
  const generated = await generatedSamples(collection, server.url);
  for (const entry of operations(docs)) {
    const route = `${entry.method.toUpperCase()} ${entry.path}`;
    const sources = generated.get(route);
    if (!sources) throw new Error(`The Postman collection has no request for ${route}: cannot write its samples.`);
    const typescript = typescriptSample(server.variables?.projectID?.default ?? "demo", exampleRequest(docs, entry));
    entry.operation["x-codeSamples"] = SAMPLE_LANGUAGES.map(({ lang, label }) => ({ lang, label, source: label === "TypeScript" ? typescript : sources[label] }));
  }
  for (const { operation } of [...operations(docs), ...webhooks(docs)]) {
    if (operation["x-texter-unverified"]) operation["x-badges"] = [...(operation["x-badges"] ?? []), UNVERIFIED_BADGE];
  }
  return docs;
}

/** A value as one would write it in TypeScript: identifier keys unquoted, short objects on one line. */
function tsLiteral(value, indent = "") {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const isArray = Array.isArray(value);
  const items = isArray
    ? value.map((item) => tsLiteral(item, `${indent}  `))
    : Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${tsLiteral(item, `${indent}  `)}`);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  const oneLine = isArray ? `[${items.join(", ")}]` : `{ ${items.join(", ")} }`;
  if (!oneLine.includes("\n") && indent.length + oneLine.length <= 72) return oneLine;
  return `${open}\n${items.map((item) => `${indent}  ${item},`).join("\n")}\n${indent}${close}`;
}

function typescriptSample(projectID, { method, path, pathParams, query, body }) {
  const params = {
    ...(Object.keys(pathParams).length ? { path: pathParams } : {}),
    ...(Object.keys(query).length ? { query } : {}),
  };
  const options = { ...(Object.keys(params).length ? { params } : {}), ...(body ? { body: body.value } : {}) };
  const args = [JSON.stringify(path), ...(Object.keys(options).length ? [tsLiteral(options)] : [])].join(", ");
  return [
    `import { createTexterClient } from "@texterchat/api-client";`,
    ``,
    `const texter = createTexterClient({ projectId: ${JSON.stringify(projectID)}, token: process.env.TEXTER_TOKEN! });`,
    `const { data, error } = await texter.${method}(${args});`,
  ].join("\n");
}
