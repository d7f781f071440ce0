// Breaking changes between two bundled OpenAPI documents (spec/dist/openapi.json and a released
// snapshot): what would break a consumer built against the old one. Structural and conservative:
// removals and new requirements are breaking; additions are not.
// CLI: node tools/api-diff.mjs <old.json> <new.json>  (exit 1 when something breaks)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolveRef } from "./openapi.mjs";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const resolver = (doc) => (node) => resolveRef(doc, node);

/** Every operation of a document: "GET /labels" / "WEBHOOK chatResolved" → operation. */
function operations(doc) {
  const found = new Map();
  for (const [section, label] of [["paths", (key, method) => `${method.toUpperCase()} ${key}`], ["webhooks", (key) => `WEBHOOK ${key}`]]) {
    for (const [key, item] of Object.entries(doc[section] ?? {})) {
      const pathItem = resolver(doc)(item);
      for (const method of METHODS) if (pathItem[method]) found.set(label(key, method), { pathItem, operation: pathItem[method] });
    }
  }
  return found;
}

/** The schema and every oneOf/anyOf/allOf branch below it. */
function branches(schema, resolve) {
  const node = resolve(schema);
  if (!node || typeof node !== "object") return [];
  return [node, ...["oneOf", "anyOf", "allOf"].flatMap((key) => (node[key] ?? []).flatMap((branch) => branches(branch, resolve)))];
}

function shape(schema, resolve) {
  const all = branches(schema, resolve);
  const properties = new Map();
  for (const branch of all) for (const [name, property] of Object.entries(branch.properties ?? {})) if (!properties.has(name)) properties.set(name, property);
  const required = new Set(all.flatMap((branch) => branch.required ?? []));
  const types = new Set(all.flatMap((branch) => [branch.type ?? []].flat()));
  const enums = all.some((branch) => Array.isArray(branch.enum)) ? new Set(all.flatMap((branch) => branch.enum ?? [])) : undefined;
  const items = all.map((branch) => branch.items).find(Boolean);
  const closed = all.length > 0 && all.every((branch) => branch.additionalProperties === false || !branch.properties);
  return { properties, required, types, enums, items, closed: closed && all.some((b) => b.additionalProperties === false) };
}

/**
 * Compares two schemas in one direction. `request`: what a client sends (new requirements and
 * narrowed values break it). `response`: what a client receives (removed fields, fields no longer
 * always there, new types or values it does not expect break it).
 */
function compareSchemas(oldSchema, newSchema, direction, where, context, problems, seen = new Set()) {
  if (!oldSchema || !newSchema) return;
  // Named schemas are compared once per direction: that also ends recursive ones.
  if (oldSchema.$ref && newSchema.$ref) {
    const key = `${direction} ${oldSchema.$ref} ${newSchema.$ref}`;
    if (seen.has(key)) return;
    seen.add(key);
  }
  const before = shape(oldSchema, context.resolveOld);
  const after = shape(newSchema, context.resolveNew);
  const typeText = (types) => [...types].sort().join("|") || "any";
  if (before.types.size && after.types.size) {
    const widened = [...after.types].filter((type) => !before.types.has(type) && !(type === "number" && before.types.has("integer")));
    const narrowed = [...before.types].filter((type) => !after.types.has(type) && !(type === "integer" && after.types.has("number")));
    if (direction === "response" && widened.length) problems.push(`${where}: may now be ${typeText(after.types)} (was ${typeText(before.types)})`);
    if (direction === "request" && narrowed.length) problems.push(`${where}: no longer accepts ${narrowed.join("|")}`);
  }
  if (before.enums && after.enums) {
    const removed = [...before.enums].filter((value) => !after.enums.has(value));
    const added = [...after.enums].filter((value) => !before.enums.has(value));
    if (direction === "request" && removed.length) problems.push(`${where}: no longer accepts ${removed.map((v) => JSON.stringify(v)).join(", ")}`);
    if (direction === "response" && added.length) problems.push(`${where}: may now be ${added.map((v) => JSON.stringify(v)).join(", ")}`);
  } else if (!before.enums && after.enums && direction === "request") {
    problems.push(`${where}: now limited to ${[...after.enums].map((v) => JSON.stringify(v)).join(", ")}`);
  }
  for (const [name, property] of before.properties) {
    const next = after.properties.get(name);
    const at = `${where}.${name}`;
    if (!next) {
      if (direction === "response") problems.push(`${at}: removed`);
      else if (after.closed) problems.push(`${at}: no longer accepted`);
      continue;
    }
    if (direction === "response" && before.required.has(name) && !after.required.has(name)) problems.push(`${at}: no longer always present`);
    compareSchemas(property, next, direction, at, context, problems, seen);
  }
  if (direction === "request") {
    for (const name of after.required) if (!before.required.has(name)) problems.push(`${where}.${name}: now required`);
  }
  if (before.items && after.items) compareSchemas(before.items, after.items, direction, `${where}[]`, context, problems, seen);
}

function jsonSchema(content) {
  return (content?.["application/json"] ?? Object.values(content ?? {})[0])?.schema;
}

/** Breaking changes from `oldDoc` to `newDoc`, one readable line each. */
export function breakingChanges(oldDoc, newDoc) {
  const context = { resolveOld: resolver(oldDoc), resolveNew: resolver(newDoc) };
  const before = operations(oldDoc);
  const after = operations(newDoc);
  const problems = [];
  for (const [name, { pathItem, operation }] of before) {
    const next = after.get(name);
    if (!next) {
      problems.push(`${name}: removed`);
      continue;
    }
    const webhook = name.startsWith("WEBHOOK ");
    const scopes = (op) => new Set((op.security ?? oldDoc.security ?? []).flatMap((requirement) => Object.values(requirement).flat()));
    const newScopes = [...scopes(next.operation)].filter((scope) => !scopes(operation).has(scope));
    if (newScopes.length) problems.push(`${name}: now needs the scope(s) ${newScopes.join(", ")}`);

    const parameters = (item, op, resolve) =>
      new Map([...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve).map((p) => [`${p.in} ${p.name}`, p]));
    const oldParameters = parameters(pathItem, operation, context.resolveOld);
    const newParameters = parameters(next.pathItem, next.operation, context.resolveNew);
    for (const [key, parameter] of newParameters) {
      if (parameter.required && !oldParameters.get(key)?.required) problems.push(`${name}: ${key} parameter now required`);
    }
    for (const [key, parameter] of oldParameters) {
      const nextParameter = newParameters.get(key);
      if (!nextParameter) problems.push(`${name}: ${key} parameter removed`);
      else compareSchemas(parameter.schema, nextParameter.schema, "request", `${name} ${key}`, context, problems);
    }

    const oldBody = context.resolveOld(operation.requestBody);
    const newBody = context.resolveNew(next.operation.requestBody);
    const bodyDirection = webhook ? "response" : "request"; // a webhook body is what the consumer receives
    if (newBody?.required && !oldBody?.required && !webhook) problems.push(`${name}: request body now required`);
    if (oldBody && newBody) compareSchemas(jsonSchema(oldBody.content), jsonSchema(newBody.content), bodyDirection, `${name} body`, context, problems);

    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (!/^2/.test(status)) continue;
      const nextResponse = next.operation.responses?.[status];
      if (!nextResponse) {
        problems.push(`${name}: ${status} response removed`);
        continue;
      }
      const oldSchema = jsonSchema(context.resolveOld(response).content);
      const newSchema = jsonSchema(context.resolveNew(nextResponse).content);
      compareSchemas(oldSchema, newSchema, "response", `${name} ${status}`, context, problems);
    }
  }
  return [...new Set(problems)];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [oldFile, newFile] = process.argv.slice(2);
  if (!oldFile || !newFile) {
    console.error("usage: node tools/api-diff.mjs <old openapi.json> <new openapi.json>");
    process.exit(2);
  }
  const problems = breakingChanges(JSON.parse(readFileSync(oldFile, "utf8")), JSON.parse(readFileSync(newFile, "utf8")));
  for (const problem of problems) console.log(problem);
  console.log(problems.length ? `${problems.length} breaking change(s)` : "no breaking change");
  process.exit(problems.length ? 1 : 0);
}
