// Reading the bundled spec (spec/dist/openapi.json): where it is, its operations and webhooks,
// and the example values the docs samples and the tests use.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { resolveRef } from "../../../tools/openapi.mjs";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export const specFile = join(dirname(createRequire(import.meta.url).resolve("@texterchat/openapi/package.json")), "dist", "openapi.json");

export function loadSpec() {
  if (!existsSync(specFile)) throw new Error(`${specFile} is missing: run \`npm run build -w @texterchat/openapi\` first.`);
  return JSON.parse(readFileSync(specFile, "utf8"));
}

/** Follows local `$ref`s (`#/components/...`) until a real object. */
export const resolve = resolveRef;

function* methodsOf(pathItem) {
  for (const method of HTTP_METHODS) if (pathItem[method]) yield [method, pathItem[method]];
}

/** Every operation under `paths`: `{ path, method, pathItem, operation }`. */
export function* operations(spec) {
  for (const [path, pathItem] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of methodsOf(pathItem)) yield { path, method, pathItem, operation };
  }
}

/** Every operation under `webhooks`: `{ name, method, operation }`. */
export function* webhooks(spec) {
  for (const [name, pathItem] of Object.entries(spec.webhooks ?? {})) {
    for (const [method, operation] of methodsOf(pathItem)) yield { name, method, operation };
  }
}

/** The operation's parameters, path-level ones included, resolved; the operation's win. */
export function parametersOf(spec, { pathItem, operation }) {
  const byKey = new Map();
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve(spec, p))) {
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

export function parameterExample(spec, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named) return resolve(spec, named).value;
  const schema = resolve(spec, parameter.schema) ?? {};
  return schema.examples?.[0] ?? schema.example ?? schema.default ?? schema.enum?.[0];
}

/** The first example of the operation's request body: `{ contentType, value }`, or undefined. */
export function firstRequestExample(spec, operation) {
  const content = resolve(spec, operation.requestBody)?.content ?? {};
  for (const [contentType, media] of Object.entries(content)) {
    if (media.example !== undefined) return { contentType, value: media.example };
    const named = Object.values(media.examples ?? {})[0];
    if (named) return { contentType, value: resolve(spec, named).value };
  }
  return undefined;
}

/**
 * One concrete request from the operation's examples: path parameters, the query parameters that
 * are required (plus the first group of an `anyOf` parameter rule and its `together` partners),
 * and the first request body example.
 */
export function exampleRequest(spec, entry) {
  const parameters = parametersOf(spec, entry);
  const rules = entry.operation["x-texter-parameter-rules"] ?? [];
  const queryNames = new Set(parameters.filter((p) => p.in === "query" && p.required).map((p) => p.name));
  for (const name of rules.find((rule) => rule.anyOf)?.anyOf[0] ?? []) queryNames.add(name);
  for (const { together } of rules.filter((rule) => rule.together)) {
    if (together.some((name) => queryNames.has(name))) together.forEach((name) => queryNames.add(name));
  }
  const valuesIn = (location, keep = () => true) =>
    Object.fromEntries(
      parameters.filter((p) => p.in === location && keep(p)).map((p) => [p.name, parameterExample(spec, p) ?? p.name]),
    );
  return {
    method: entry.method.toUpperCase(),
    path: entry.path,
    pathParams: valuesIn("path"),
    query: valuesIn("query", (p) => queryNames.has(p.name)),
    body: firstRequestExample(spec, entry.operation),
  };
}
