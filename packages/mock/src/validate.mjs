// Validation against the spec. Requests: path, query and header parameters, the operation's
// x-texter-parameter-rules, the content type and the body. Answers: the status, media type and
// body the operation declares. Every violation is reported with its location, so that a rejected
// request (or answer) says everything that is wrong with it at once.
import { pointer, unescapeToken } from "./spec.mjs";

/**
 * @typedef {{ location: "body" | "query" | "path" | "header" | "status", path: string, message: string }} Violation
 * @typedef {{ pathParams: Record<string, string>, query: URLSearchParams, headers: import("node:http").IncomingHttpHeaders, body: string }} RequestParts
 */

// Headers OpenAPI describes elsewhere (security schemes, content negotiation).
const IGNORED_HEADERS = new Set(["accept", "authorization", "content-type"]);

/**
 * @param {RequestParts} request path parameters are undefined where their encoding is malformed
 * @returns {{ status: 415, violations: Violation[] } | { status: 400, violations: Violation[] } | null}
 */
export function validateRequest(spec, operation, request) {
  const violations = [];
  const data = { path: request.pathParams, query: {}, header: {} };
  let bodyMediaType;

  const malformed = Object.keys(request.pathParams).filter((name) => request.pathParams[name] === undefined);
  for (const name of malformed) violations.push({ location: "path", path: name, message: "is not valid percent-encoding" });
  for (const parameter of operation.parameters) {
    const values = parameterValues(parameter, request);
    if (values.length === 0) continue;
    if (!parameter.isArray && values.length > 1) {
      violations.push({ location: parameter.in, path: parameter.name, message: `is sent ${values.length} times; it takes one value` });
      continue;
    }
    if (parameter.in !== "path") data[parameter.in][parameterKey(parameter)] = parameter.isArray ? values : values[0];
  }
  violations.push(...ruleViolations(operation.rules, request.query));

  if (operation.body) {
    const body = parseBody(operation.body, request);
    if (body.unsupported) return { status: 415, violations: [body.unsupported] };
    if (body.violation) violations.push(body.violation);
    else if ("value" in body) {
      data.body = body.value;
      bodyMediaType = body.mediaType;
    }
  }

  const found = schemaViolations(spec, parametersValidator(spec, operation), data, "");
  violations.push(...found.filter((v) => !(v.location === "path" && malformed.includes(v.path))));
  if (bodyMediaType) violations.push(...schemaViolations(spec, spec.validator(operation.body.schemaAt(bodyMediaType)), data.body, "/body"));
  return violations.length ? { status: 400, violations: dedupe(violations) } : null;
}

/**
 * Reads the Prefer header (`code=404`, `example=unsubscribed`, `dynamic=true`, `seed=7`) and
 * checks it against the operation, so that a scenario that cannot be served says why.
 * @returns {{ preferences: { code?: number, exampleKey?: string, dynamic?: boolean, seed?: string }, violations: Violation[] }}
 */
export function parsePrefer(operation, header) {
  const preferences = {};
  const violations = [];
  if (!header) return { preferences, violations };
  const fail = (message) => violations.push({ location: "header", path: "Prefer", message });
  for (const part of (header ?? "").split(/[,;]/)) {
    const [key, ...value] = part.split("=");
    const text = value.join("=").trim().replace(/^"(.*)"$/, "$1");
    switch (key.trim().toLowerCase()) {
      case "code":
        if (/^[1-5][0-9]{2}$/.test(text)) preferences.code = Number(text);
        else fail(`code must be an HTTP status such as 404 (got ${JSON.stringify(text)})`);
        break;
      case "example":
        preferences.exampleKey = text;
        break;
      case "dynamic":
        if (text === "true" || text === "false") preferences.dynamic = text === "true";
        else fail(`dynamic must be true or false (got ${JSON.stringify(text)})`);
        break;
      case "seed":
        preferences.seed = text;
    }
  }
  const response = responseFor(operation, preferences.code);
  if (response === undefined) {
    fail(`code=${preferences.code} is not a status of ${operation.operationId}; it declares ${Object.keys(operation.responses).join(", ")}`);
  } else if (preferences.exampleKey !== undefined && !operation.responses[response].includes(preferences.exampleKey)) {
    const examples = operation.responses[response];
    const known = examples.length ? `its examples are ${examples.join(", ")}` : "it has no named examples";
    fail(`example=${preferences.exampleKey} is not an example of the ${response} response of ${operation.operationId}; ${known}`);
  }
  return { preferences, violations };
}

/** The response Prism answers with: the preferred code (or `default`), else the lowest 2xx. */
function responseFor(operation, code) {
  const codes = Object.keys(operation.responses);
  if (code === undefined) return codes.filter((c) => /^2/.test(c)).sort()[0] ?? "default";
  if (String(code) in operation.responses) return String(code);
  return "default" in operation.responses ? "default" : undefined;
}

function parameterKey(parameter) {
  return parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name;
}

function parameterValues(parameter, request) {
  if (parameter.in === "query") return request.query.getAll(parameter.name);
  if (parameter.in === "header" && !IGNORED_HEADERS.has(parameter.name.toLowerCase())) {
    const value = request.headers[parameter.name.toLowerCase()];
    return value === undefined ? [] : [value].flat();
  }
  return [];
}

/** `together`: all of the names or none; `anyOf`: at least one group in full (EXTENSIONS.md). */
function ruleViolations(rules, query) {
  const violations = [];
  const sent = (name) => query.has(name);
  for (const rule of rules) {
    if (rule.together) {
      const present = rule.together.filter(sent);
      if (present.length === 0 || present.length === rule.together.length) continue;
      for (const name of rule.together.filter((n) => !sent(n))) {
        violations.push({
          location: "query",
          path: name,
          message: `is required when ${present.join(", ")} ${present.length > 1 ? "are" : "is"} sent: send ${rule.together.join(" and ")} together`,
        });
      }
    }
    if (rule.anyOf && !rule.anyOf.some((group) => group.every(sent))) {
      const closest = rule.anyOf.reduce((best, group) => (group.filter(sent).length > best.filter(sent).length ? group : best));
      const groups = rule.anyOf.map((group) => group.join(" + ")).join(", or ");
      violations.push({ location: "query", path: closest.find((n) => !sent(n)), message: `is required: send ${groups}` });
    }
  }
  return violations;
}

const mediaTypeOf = (header) => (header ?? "").split(";")[0].trim().toLowerCase();
const isJson = (mediaType) => mediaType === "application/json" || mediaType.endsWith("+json");

function parseBody(body, request) {
  if (request.body.length === 0) {
    return body.required ? { violation: { location: "body", path: "", message: "is required" } } : {};
  }
  const mediaType = mediaTypeOf(request.headers["content-type"]);
  if (!body.mediaTypes.includes(mediaType)) {
    const expected = body.mediaTypes.join(", ");
    const got = mediaType ? `got ${mediaType}` : "no Content-Type header was sent";
    return { unsupported: { location: "header", path: "Content-Type", message: `must be ${expected}; ${got}` } };
  }
  if (!isJson(mediaType)) return { value: request.body, mediaType };
  try {
    return { value: JSON.parse(request.body), mediaType };
  } catch (error) {
    return { violation: { location: "body", path: "", message: `is not valid JSON: ${error.message}` } };
  }
}

/**
 * Compiles every validator an operation needs (its parameters, its body in each media type, and
 * each media type of each of its responses), so that no request pays for a compilation.
 */
export function compileValidators(spec, operation) {
  parametersValidator(spec, operation);
  for (const mediaType of operation.body?.mediaTypes ?? []) spec.validator(operation.body.schemaAt(mediaType));
  for (const media of Object.values(operation.responseSchemas)) {
    for (const schemaAt of Object.values(media)) if (schemaAt) spec.validator(schemaAt);
  }
}

/**
 * What is wrong with an answer to an operation: a status it does not declare, a media type its
 * response does not have, or a body that breaks the response's schema. `location` is `status`,
 * `header` (Content-Type) or `body` (then `path` is a JSON pointer into the body).
 * @param {{ status: number, type: string, value?: unknown }} answer `value`: the parsed body
 * @returns {Violation[]}
 */
export function validateResponse(spec, operation, { status, type, value }) {
  const code = declaredResponse(operation, status);
  if (code === undefined) {
    const declared = Object.keys(operation.responseSchemas).join(", ");
    return [{ location: "status", path: "", message: `${status} is not a status of ${operation.operationId}; it declares ${declared}` }];
  }
  const media = operation.responseSchemas[code];
  const mediaType = mediaTypeOf(type);
  if (Object.keys(media).length === 0) {
    return value === undefined || value === "" ? [] : [{ location: "body", path: "", message: `must be empty: the ${code} response has no content` }];
  }
  if (!(mediaType in media)) {
    return [{ location: "header", path: "Content-Type", message: `must be ${Object.keys(media).join(" or ")} for the ${code} response (got ${mediaType || "none"})` }];
  }
  const schemaAt = media[mediaType];
  return schemaAt ? dedupe(schemaViolations(spec, spec.validator(schemaAt), value, "/body")) : [];
}

/** Validates a value; each error becomes a violation whose location is the first token of `prefix` + the error's path. */
function schemaViolations(spec, validate, value, prefix) {
  if (validate(value)) return [];
  const errors = validate.errors.map((error) => ({ ...error, instancePath: prefix + error.instancePath }));
  return withoutBranchNoise(errors).map((error) => toViolation(spec, error));
}

/** The response an answer with this status stands for: its own code, its range (`4XX`), or `default` for an error status. */
export function declaredResponse(operation, status) {
  const codes = operation.responseSchemas;
  if (String(status) in codes) return String(status);
  const range = `${String(status)[0]}XX`;
  if (range in codes) return range;
  return status >= 400 && "default" in codes ? "default" : undefined;
}

/** One Ajv validator per operation for its path, query and header parameters, compiled once. */
function parametersValidator(spec, operation) {
  if (!operation.parametersValidator) {
    const group = (location) => {
      const parameters = operation.parameters.filter((p) => p.in === location && !IGNORED_HEADERS.has(p.name.toLowerCase()));
      return {
        type: "object",
        properties: Object.fromEntries(parameters.map((p) => [parameterKey(p), spec.ref(p.schemaAt)])),
        required: parameters.filter((p) => p.required).map(parameterKey),
      };
    };
    const schema = { type: "object", properties: { path: group("path"), query: group("query"), header: group("header") } };
    operation.parametersValidator = spec.validator(`parameters of ${operation.at}`, schema);
  }
  return operation.parametersValidator;
}

const show = (value) => JSON.stringify(value) ?? String(value);

/** Turns an Ajv error into a violation with its location, field and a readable message. */
function toViolation(spec, error) {
  const [location, ...field] = error.instancePath.split("/").slice(1).map(unescapeToken);
  let message;
  switch (error.keyword) {
    case "required":
      field.push(error.params.missingProperty);
      message = "is required";
      break;
    case "additionalProperties":
      field.push(error.params.additionalProperty);
      message = "is not an allowed property";
      break;
    case "unevaluatedProperties":
      field.push(error.params.unevaluatedProperty);
      message = "is not an allowed property";
      break;
    case "discriminator":
      field.push(error.params.tag);
      message = `must be one of: ${discriminatorTags(spec, error.parentSchema).join(", ")}`;
      if (error.params.error === "mapping") message += ` (got ${show(error.params.tagValue)})`;
      break;
    case "enum":
      message = `must be one of: ${error.params.allowedValues.map(show).join(", ")} (got ${show(error.data)})`;
      break;
    case "const":
      message = `must be ${show(error.params.allowedValue)} (got ${show(error.data)})`;
      break;
    case "oneOf":
    case "anyOf": {
      const count = error.keyword === "oneOf" ? "exactly one" : "at least one";
      const groups = error.parentSchema[error.keyword].map((branch) => requiredOnly(branch)?.join(" + "));
      const why = firstSentence(error.parentSchema.description);
      if (groups.every(Boolean)) message = `must have ${count} of: ${groups.join(", ")}`;
      else message = `must match ${count} of the alternatives${why ? `: ${why}` : ""}`;
      if (Array.isArray(error.params.passingSchemas)) message += ` (it matches ${error.params.passingSchemas.length})`;
      break;
    }
    case "not": {
      const why = firstSentence(error.schema.description ?? error.parentSchema.description);
      message = `is not allowed${why ? `: ${why}` : ""}`;
      break;
    }
    case "type":
    case "pattern":
    case "format":
      message = `${error.message} (got ${show(error.data)})`;
      break;
    default:
      message = error.message;
  }
  if (location === "body") return { location, path: pointer(...field), message };
  const [name, ...inner] = field;
  return { location, path: name, message: inner.length ? `item ${inner.join("/")} ${message}` : message };
}

const ANNOTATIONS = new Set(["description", "title", "$comment", "examples"]);

/** The names a branch such as `{ required: [add] }` asks for, when that is all it asks. */
function requiredOnly(branch) {
  const keywords = Object.keys(branch).filter((key) => !ANNOTATIONS.has(key) && !key.startsWith("x-"));
  return keywords.length === 1 && Array.isArray(branch.required) ? branch.required : undefined;
}

const firstSentence = (text) => text?.replace(/\s+/g, " ").trim().split(/(?<=\.) /)[0];

/**
 * Drops the errors of the branches of a failed oneOf/anyOf declared in the same schema: the
 * oneOf's own violation says what is expected. (Ajv's schemaPath restarts inside a $ref, so
 * branches that are references, such as tagged unions, keep their errors.)
 */
export function withoutBranchNoise(errors) {
  const failed = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
  return errors.filter(
    (e) => !failed.some((f) => f !== e && e.instancePath.startsWith(f.instancePath) && e.schemaPath.startsWith(`${f.schemaPath}/`)),
  );
}

/** The tag values of a discriminated oneOf: each branch's `const` on the tag property. */
function discriminatorTags(spec, schema) {
  const tag = schema.discriminator.propertyName;
  return schema.oneOf.map((branch) => {
    const resolved = branch.$ref ? spec.deref({ $ref: branch.$ref.replace(/^[^#]*/, "") }, "").node : branch;
    const property = resolved.properties?.[tag] ?? {};
    return property.const ?? (property.enum ?? []).join(" | ");
  });
}

function dedupe(violations) {
  const seen = new Set();
  return violations.filter((v) => {
    const key = `${v.location}|${v.path}|${v.message}`;
    return !seen.has(key) && seen.add(key);
  });
}
