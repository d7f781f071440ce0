// Finding an operation by operationId (or method and path), and checking an answer value (a
// parsed body) with the pipeline's answer check. Used by the stubs, the core's answer check of
// stubs and world answers, and the tests of the world.
import { declaredResponse, validateResponse } from "../validate.mjs";

/**
 * @typedef {{ location: string, path: string, message: string }} Violation
 * @typedef {{ status: number, contentType?: string, body?: unknown }} AnswerLike
 */

/**
 * The operation with this operationId, or the one that serves `method` and `path` (a concrete
 * path below the base path such as `/labels/hot_lead`, or a template such as `/labels/{labelId}`).
 * @param {any} spec a loaded spec (spec.mjs)
 * @param {{ operationId?: string, method?: string, path?: string }} which
 */
export function findOperation(spec, { operationId, method, path }) {
  if (operationId !== undefined) return operationsById(spec).get(operationId);
  if (typeof method !== "string" || typeof path !== "string") return undefined;
  const verb = method.toLowerCase();
  const template = spec.routes.find((route) => route.path === path);
  if (template) return template.operations[verb];
  return spec.match(verb, path).operation;
}

/** Every operationId of the spec. */
export const operationIds = (spec) => [...operationsById(spec).keys()];

const byIdCache = new WeakMap();
function operationsById(spec) {
  if (!byIdCache.has(spec)) {
    const map = new Map();
    for (const route of spec.routes) for (const operation of Object.values(route.operations)) map.set(operation.operationId, operation);
    byIdCache.set(spec, map);
  }
  return byIdCache.get(spec);
}

/**
 * The media types the operation declares for an answer with this status (its code, its range or
 * `default` for an error status), or undefined when it declares no such response.
 * @returns {string[] | undefined}
 */
export function declaredMediaTypes(operation, status) {
  const code = declaredResponse(operation, status);
  return code === undefined ? undefined : Object.keys(operation.responseSchemas[code]);
}

/**
 * Everything wrong with an answer value (a parsed body, as the world, the stubs and the admin
 * API give it) under the operation's contract, by the pipeline's own answer check
 * (validate.mjs): an empty list means it conforms. Without `contentType`, the first media type
 * the response declares is assumed.
 * @param {any} spec a loaded spec (spec.mjs)
 * @param {any} operation an operation of that spec
 * @param {AnswerLike} answer
 * @returns {Violation[]}
 */
export function answerViolations(spec, operation, { status, contentType, body }) {
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    return [{ location: "status", path: "", message: `must be an HTTP status from 100 to 599 (got ${JSON.stringify(status)})` }];
  }
  const type = contentType ?? declaredMediaTypes(operation, status)?.[0] ?? "";
  return validateResponse(spec, operation, { status, type, value: body });
}

/** An Ajv error as one readable message (`anyOf`/`oneOf` need Ajv's `verbose` to name the branches). */
export function describe(error) {
  const show = (value) => JSON.stringify(value) ?? String(value);
  switch (error.keyword) {
    case "required":
      return `must have the property ${show(error.params.missingProperty)}`;
    case "additionalProperties":
    case "unevaluatedProperties":
      return `must not have the property ${show(error.params.additionalProperty ?? error.params.unevaluatedProperty)}`;
    case "enum":
      return `must be one of ${error.params.allowedValues.map(show).join(", ")} (got ${show(error.data)})`;
    case "const":
      return `must be ${show(error.params.allowedValue)} (got ${show(error.data)})`;
    case "anyOf":
    case "oneOf": {
      // Branches that only list required properties read as "must have one of: a, b".
      const groups = Array.isArray(error.schema) ? error.schema.map((b) => (Object.keys(b).join() === "required" ? b.required.join(" + ") : undefined)) : [];
      if (groups.length && groups.every(Boolean)) return `must have ${error.keyword === "oneOf" ? "exactly one" : "at least one"} of: ${groups.join(", ")}`;
      return error.message;
    }
    default:
      return `${error.message}${"data" in error && typeof error.data !== "object" ? ` (got ${show(error.data)})` : ""}`;
  }
}

/** A query as URLSearchParams, from URLSearchParams or an object of strings and string arrays. */
export function toSearchParams(query) {
  if (query instanceof URLSearchParams) return query;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) for (const item of [value].flat()) params.append(name, String(item));
  return params;
}
