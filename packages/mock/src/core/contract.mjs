// What the contract says about an operation's answers: finding an operation by operationId (or
// method and path), and checking an answer (status, media type, body) against the response the
// operation declares for that status. Used by the stubs and by the tests of everything the world
// and the admin API answer.

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
 * The declared response an answer with this status falls under: the status itself, else
 * `default` for an error status (4xx/5xx). Undefined when the operation does not declare it.
 */
export function declaredResponse(spec, operation, status) {
  const responses = declaredResponses(spec, operation);
  const code = String(status) in responses ? String(status) : status >= 400 && "default" in responses ? "default" : undefined;
  if (code === undefined) return undefined;
  const { node, at } = spec.deref(responses[code], `${operation.at}/responses/${code}`);
  return { code, at, content: node.content ?? {} };
}

const declaredResponses = (spec, operation) => spec.deref({ $ref: `#${operation.at}` }).node.responses ?? {};

/**
 * Everything wrong with an answer under the operation's contract: an undeclared status, a media
 * type the response does not have, a body that breaks the schema. An empty list means it conforms.
 * @param {any} spec a loaded spec (spec.mjs)
 * @param {{ operationId: string, at: string }} operation
 * @param {AnswerLike} answer
 * @returns {Violation[]}
 */
export function answerViolations(spec, operation, { status, contentType, body }) {
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    return [{ location: "response", path: "status", message: `must be an HTTP status from 100 to 599 (got ${JSON.stringify(status)})` }];
  }
  const response = declaredResponse(spec, operation, status);
  if (!response) {
    const codes = Object.keys(declaredResponses(spec, operation));
    return [{ location: "response", path: "status", message: `${status} is not a status of ${operation.operationId}; it declares ${codes.join(", ")}` }];
  }
  const mediaTypes = Object.keys(response.content);
  if (mediaTypes.length === 0) {
    return body === undefined ? [] : [{ location: "response", path: "body", message: `must be empty: the ${response.code} response of ${operation.operationId} has no content` }];
  }
  const mediaType = contentType?.split(";")[0].trim().toLowerCase() ?? mediaTypes[0];
  if (!mediaTypes.includes(mediaType)) {
    return [{ location: "response", path: "Content-Type", message: `must be ${mediaTypes.join(" or ")} for the ${response.code} response of ${operation.operationId} (got ${mediaType})` }];
  }
  const validate = responseValidator(spec, `${response.at}/content/${mediaType.replaceAll("~", "~0").replaceAll("/", "~1")}/schema`);
  if (validate(body)) return [];
  return validate.errors.map((error) => ({ location: "body", path: error.instancePath, message: describe(error) }));
}

const validators = new WeakMap();
function responseValidator(spec, schemaAt) {
  if (!validators.has(spec)) validators.set(spec, new Map());
  const cache = validators.get(spec);
  if (!cache.has(schemaAt)) cache.set(schemaAt, spec.validator(spec.ref(schemaAt)));
  return cache.get(schemaAt);
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
