// The docs-only copy of the bundled spec: branded title and intro, curl and TypeScript request
// samples on every operation, and an "Unverified" badge on every unverified operation or webhook.
import { COLLECTION_FILE } from "./dist.mjs";
import { exampleRequest, operations, webhooks } from "./openapi.mjs";

export const DOCS_TITLE = "Texter API V2 reference";
export const UNVERIFIED_BADGE = { name: "Unverified", color: "orange" };

const INTRO = `This page is self-contained: save it and open it offline, nothing is loaded from the network.
Every operation shows a \`curl\` and a TypeScript (\`@texterchat/api-client\`) request sample. Elements
marked **Unverified** are this kit's best guess where Texter's reference is silent.
A Postman collection of every operation, [${COLLECTION_FILE}](${COLLECTION_FILE}), sits next to this
page: import it and set its \`projectID\` and \`apiToken\` variables.`;

export function docsSpec(spec) {
  const docs = structuredClone(spec);
  docs.info.title = DOCS_TITLE;
  docs.info.description = `${INTRO}\n\n${docs.info.description ?? ""}`;
  const server = serverDefaults(docs.servers?.[0]);
  for (const entry of operations(docs)) {
    const example = exampleRequest(docs, entry);
    entry.operation["x-codeSamples"] = [
      { lang: "curl", label: "curl", source: curlSample(server.url, example) },
      { lang: "TypeScript", label: "TypeScript", source: typescriptSample(server.projectID, example) },
    ];
  }
  for (const { operation } of [...operations(docs), ...webhooks(docs)]) {
    if (operation["x-texter-unverified"]) operation["x-badges"] = [...(operation["x-badges"] ?? []), UNVERIFIED_BADGE];
  }
  return docs;
}

/** The server URL with its variables' defaults, and the default `projectID`. */
function serverDefaults(server) {
  const variables = server?.variables ?? {};
  const url = (server?.url ?? "").replace(/\{(\w+)\}/g, (_, name) => variables[name]?.default ?? `{${name}}`);
  return { url, projectID: variables.projectID?.default ?? "demo" };
}

const shellQuote = (text) => `'${text.replaceAll("'", `'\\''`)}'`;

function curlSample(baseUrl, { method, path, pathParams, query, body }) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) [value].flat().forEach((item) => search.append(name, String(item)));
  const url = baseUrl + path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(pathParams[name]))) + (search.size ? `?${search}` : "");
  const lines = [`curl --request ${method} ${shellQuote(url)}`, `--header "Authorization: Bearer $TEXTER_TOKEN"`];
  if (body) {
    const data = typeof body.value === "string" ? body.value : JSON.stringify(body.value, null, 2);
    lines.push(`--header ${shellQuote(`Content-Type: ${body.contentType}`)}`, `--data ${shellQuote(data)}`);
  }
  return lines.join(" \\\n  ");
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
