// The Postman collection (v2.1): openapi-to-postmanv2 does the bulk (folders per tag, requests
// named after summaries, response examples); we then fix what it gets wrong: URLs and example
// values (it ignores 3.1 `schema.examples`), request bodies (it fakes them from the schema),
// variables and auth (Texter's own collection uses `projectID` and `apiToken`), response names
// (it uses the whole markdown description), the original request of 401 examples (it inherits the
// token) and random ids (the output should be reproducible).
import { createRequire } from "node:module";
import { exampleRequest, operations, parameterExample, parametersOf } from "./openapi.mjs";

const Converter = createRequire(import.meta.url)("openapi-to-postmanv2");

const CONVERTER_OPTIONS = {
  folderStrategy: "Tags",
  requestNameSource: "Fallback",
  parametersResolution: "Example",
  includeAuthInfoInExample: false,
  alwaysInheritAuthentication: true,
};

/** The collection's default `apiToken`: replace it with your token. */
export const API_TOKEN_PLACEHOLDER = "YOUR_API_TOKEN";

/** Every request item of a collection, however deep its folders. */
export function* requestItems(items) {
  for (const item of items ?? []) {
    if (item.request) yield item;
    else yield* requestItems(item.item);
  }
}

export async function postmanCollection(spec) {
  const converted = await convert(spec);
  const byRoute = new Map([...operations(spec)].map((entry) => [`${entry.method.toUpperCase()} ${entry.path}`, entry]));
  for (const item of requestItems(converted.item)) {
    const route = `${item.request.method} /${item.request.url.path.map((segment) => segment.replace(/^:(.+)$/, "{$1}")).join("/")}`;
    const entry = byRoute.get(route);
    if (!entry) throw new Error(`Postman request "${item.name}" (${route}) matches no operation of the spec.`);
    const example = exampleRequest(spec, entry);
    item.request.url = requestUrl(spec, entry, example);
    if (example.body) item.request.body = rawBody(example.body);
    const documentedCodes = Object.keys(entry.operation.responses ?? {});
    for (const response of item.response ?? []) {
      // The converter files a `default` response under 500.
      const isDefault = !documentedCodes.includes(String(response.code)) && documentedCodes.includes("default");
      response.name = isDefault ? "default (any other status)" : `${response.code} ${response.status}`;
      response.originalRequest.url = item.request.url;
      if (example.body) response.originalRequest.body = item.request.body;
      // A 401 is the answer to a request without a token, so its request carries none.
      if (response.code === 401) response.originalRequest.auth = { type: "noauth" };
      delete response.id;
    }
    delete item.id;
  }
  for (const folder of converted.item) delete folder.id;

  const server = spec.servers[0];
  return {
    info: { name: spec.info.title, description: converted.info.description, schema: converted.info.schema },
    item: converted.item,
    auth: { type: "bearer", bearer: [{ key: "token", value: "{{apiToken}}", type: "string" }] },
    variable: [
      ...Object.entries(server.variables ?? {}).map(([key, variable]) => ({ key, value: variable.default, type: "string", description: variable.description })),
      // A placeholder, not empty: Postman sends no Authorization header for an empty token, so a
      // run against texter-mock (any well-formed token passes) would answer 401 everywhere.
      { key: "apiToken", value: API_TOKEN_PLACEHOLDER, type: "string", description: "Your Texter API token (gear icon → Developers → API Tokens)." },
      { key: "baseUrl", value: server.url.replace(/\{(\w+)\}/g, "{{$1}}"), type: "string", description: server.description },
    ],
  };
}

function convert(spec) {
  return new Promise((resolve, reject) => {
    Converter.convert({ type: "json", data: structuredClone(spec) }, CONVERTER_OPTIONS, (error, result) => {
      if (error) reject(error);
      else if (!result.result) reject(new Error(`openapi-to-postmanv2: ${result.reason}`));
      else resolve(result.output[0].data);
    });
  });
}

/** `{{baseUrl}}/path/:param`, path variables set to their examples, every query parameter listed
 * with its example and enabled only when the operation's example request sends it. */
function requestUrl(spec, entry, example) {
  const parameters = parametersOf(spec, entry);
  const query = parameters
    .filter((p) => p.in === "query")
    .flatMap((p) =>
      [parameterExample(spec, p) ?? ""].flat().map((value) => ({
        key: p.name,
        value: String(value),
        description: p.description,
        disabled: !(p.name in example.query),
      })),
    );
  const variable = parameters
    .filter((p) => p.in === "path")
    .map((p) => ({ key: p.name, value: String(example.pathParams[p.name]), description: p.description }));
  return {
    host: ["{{baseUrl}}"],
    path: entry.path.split("/").filter(Boolean).map((segment) => segment.replace(/^\{(.+)\}$/, ":$1")),
    query,
    variable,
  };
}

function rawBody({ value }) {
  const json = typeof value !== "string";
  return {
    mode: "raw",
    raw: json ? JSON.stringify(value, null, 2) : value,
    options: { raw: { language: json ? "json" : "text" } },
  };
}
