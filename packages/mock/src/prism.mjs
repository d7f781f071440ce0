// Prism is the engine that turns an operation into a response (examples, Prefer, dynamic
// generation). Routing, auth and request validation happen before it, in server.mjs, so only
// Prism's mocker is loaded: its router, validator and proxy are never used.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";

// Our dependencies are Prism's HTTP mocker packages (@stoplight/prism-http and prism-core), not
// its CLI. prism-http's own dependencies (faker, json-schema-faker) are resolved from where it
// lives, so that the instances adjusted below are the ones its generator uses.
const require = createRequire(import.meta.url);
const prismRequire = createRequire(require.resolve("@stoplight/prism-http"));

/** Where the build stores Prism's view of the bundled spec, keyed by the spec's hash. */
const OPERATIONS_CACHE = new URL("../dist/prism-operations.json", import.meta.url);

/**
 * Prism's generator registers all of faker (every locale, ~2 s to load) although it only needs it
 * for `x-faker` keywords in dynamic mode. Hand it a proxy that loads the English build on first use.
 */
function deferFaker() {
  const path = prismRequire.resolve("@faker-js/faker");
  if (require.cache[path]) return;
  let faker;
  const real = () => (faker ??= prismRequire("@faker-js/faker/locale/en"));
  const stub = new Module(path);
  stub.exports = {
    default: new Proxy({}, { get: (_, key) => Reflect.get(real(), key), has: (_, key) => Reflect.has(real(), key) }),
  };
  stub.loaded = true;
  require.cache[path] = stub;
}

deferFaker();
// The mocker has no public export: prism-http's index would also load its router, validator and
// proxy (some 0.5 s more start-up). The path holds for the exact prism-http pin in package.json.
const { default: mock } = prismRequire("./mocker");
const { createLogger } = require("@stoplight/prism-core");
const logger = createLogger("texter-mock", { level: "silent" });
// Dynamic responses follow the schema only: no invented extra properties on open objects.
prismRequire("json-schema-faker").JSONSchemaFaker.option("fillProperties", false);

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/** Prism's operations for a spec text: from the build's cache when it matches, else converted now. */
export async function prismOperations(specText) {
  const hash = sha256(specText);
  if (existsSync(OPERATIONS_CACHE)) {
    const cached = JSON.parse(readFileSync(OPERATIONS_CACHE, "utf8"));
    if (cached.specSha256 === hash) return cached.operations;
  }
  const { getHttpOperationsFromSpec } = require("@stoplight/prism-http");
  return getHttpOperationsFromSpec(JSON.parse(specText));
}

/** Writes the cache for a spec text (called by the build). */
export async function writeOperationsCache(specText) {
  const operations = await prismOperations(specText);
  writeFileSync(OPERATIONS_CACHE, JSON.stringify({ specSha256: sha256(specText), operations }));
}

/**
 * Asks Prism for the response to a request that already passed validation.
 * @returns {{ ok: true, status: number, headers: Record<string, string>, body: unknown } | { ok: false, status: number, title: string, detail: string }}
 */
export function prismRespond(resource, request, preferences) {
  const config = { dynamic: false, ignoreExamples: false, ...preferences };
  // No request headers: Prism would negotiate on Accept, but each response of the API has one
  // media type and Texter sends it whatever Accept says.
  const input = { data: { ...request, headers: {} }, validations: [] };
  const result = mock({ resource, input, config })(logger);
  if (result._tag === "Left") {
    const error = result.left;
    return { ok: false, status: error.status ?? 500, title: error.message || "Prism error", detail: error.detail ?? String(error) };
  }
  const { statusCode, headers, body } = result.right;
  return { ok: true, status: statusCode, headers, body };
}
