// Request samples in the languages Texter's integrators write, for the docs build's copy of the
// spec. Postman's own snippet engine (postman-code-generators) turns each request of our generated
// Postman collection into code; we only hand it the request with the placeholders a reader
// replaces, and repair one known generator bug (see javaBodyless below).
import { createRequire } from "node:module";
import { SAMPLE_LANGUAGES } from "./languages.mjs";
import { requestItems } from "./postman.mjs";

const require = createRequire(import.meta.url);
const codegen = require("postman-code-generators");
const { Request } = require("postman-collection");

/** What a reader replaces in every generated sample: the token, and `{projectID}` in the base URL. */
export const TOKEN_PLACEHOLDER = "<YOUR_API_TOKEN>";

/** `METHOD /path/{param}` of a collection request, in the spec's path notation. */
const requestRoute = (request) =>
  `${request.method.toUpperCase()} /${request.url.path.map((segment) => segment.replace(/^:(.+)$/, "{$1}")).join("/")}`;

/**
 * Every generated sample of every request of the collection: a Map from `METHOD /path` to
 * `{ [label]: source }` for the languages with a `codegen`.
 * @param {object} collection the Postman collection (JSON) that postman.mjs generates
 * @param {string} baseUrl written in place of `{{baseUrl}}`, e.g. `https://{projectID}.texterchat.com/server/api/v2`
 */
export async function generatedSamples(collection, baseUrl) {
  const samples = new Map();
  for (const item of requestItems(collection.item)) {
    const bySource = {};
    for (const { label, codegen: target } of SAMPLE_LANGUAGES.filter((language) => language.codegen)) {
      const request = codegenRequest(item.request, baseUrl);
      const source = await convert(target, request);
      bySource[label] = target.language === "java" ? javaBodyless(source, request.method) : source;
    }
    samples.set(requestRoute(item.request), bySource);
  }
  return samples;
}

/** The collection's request as a reader would send it: the base URL written out, and the bearer
 * token that the collection's auth adds (code generators see only the request's own headers). */
function codegenRequest(json, baseUrl) {
  const request = new Request(structuredClone(json));
  if (request.url.getHost() !== "{{baseUrl}}") throw new Error(`${requestRoute(json)}: the request's host is ${request.url.getHost()}, expected {{baseUrl}}`);
  request.url.host = [baseUrl];
  request.addHeader({ key: "Authorization", value: `Bearer ${TOKEN_PLACEHOLDER}` });
  return request;
}

function convert({ language, variant, options = {} }, request) {
  return new Promise((resolve, reject) =>
    codegen.convert(language, variant, request, options, (error, source) => {
      if (error || typeof source !== "string") reject(new Error(`postman-code-generators ${language}/${variant} failed on ${request.method} ${request.url}: ${error?.message ?? error}`));
      else resolve(source.trimEnd());
    }),
  );
}

/**
 * The Java OkHttp generator gives every request a body, but OkHttp throws "method GET must not have
 * a request body" before sending one: for methods that take no body, drop the body lines and pass
 * `null`, as OkHttp requires.
 */
export function javaBodyless(source, method) {
  if (method !== "GET" && method !== "HEAD") return source;
  const fixed = source
    .replace(/^[ \t]*MediaType mediaType = MediaType\.parse\("[^"]*"\);\n[ \t]*RequestBody body = RequestBody\.create\(mediaType, ""\);\n/m, "")
    .replace(`.method("${method}", body)`, `.method("${method}", null)`);
  if (/\bbody\)|RequestBody/.test(fixed)) throw new Error(`Java OkHttp sample of a ${method} still sends a body:\n${fixed}`);
  return fixed;
}
