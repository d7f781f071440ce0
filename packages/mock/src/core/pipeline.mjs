// The mock's request pipeline, independent of any server: a request value in, a response value
// out. The node:http front (src/http/) calls it; other fronts can too. A request flows one way:
// base path → route → auth → validate (parameters, body, Prefer) → examples or generated answers
// (Prism) → the answer checked against the contract.
import { prismOperations, prismRespond } from "../prism.mjs";
import { loadSpec } from "../spec.mjs";
import { compileValidators, parsePrefer, validateRequest, validateResponse } from "../validate.mjs";
import { describeOperation, errorAnswer, listViolations, violationsAnswer } from "./errors.mjs";

/** The largest request body the mock reads. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** How many generated answers are tried before a dynamic answer falls back to the example. */
export const DYNAMIC_ATTEMPTS = 10;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * @typedef {{ method: string, url: string, headers?: Record<string, string | string[] | undefined>, body?: string }} CoreRequest
 *   `url`: path and query as sent (`/server/api/v2/labels?limit=5`); `headers`: lower-case names.
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} CoreResponse
 *   `headers` include `Content-Type`.
 * @typedef {{ dynamic?: boolean, seed?: string | number, validateResponses?: boolean }} CoreOptions
 */

/**
 * Loads the spec, compiles every validator (or takes them from the build) and computes every
 * default answer, so that the first request costs what any other does.
 * @param {{ spec?: string, options?: CoreOptions }} [config] `spec`: a bundled OpenAPI 3.1 JSON file
 */
export async function createCore({ spec: specFile, options = {} } = {}) {
  const { dynamic = false, seed, validateResponses = false } = options;
  const spec = loadSpec(specFile);
  const prism = new Map((await prismOperations(spec.text)).map((r) => [`${r.method} ${r.path}`, r]));
  const defaults = { dynamic, ...(seed === undefined ? {} : { seed: String(seed) }) };
  /** Answers from examples depend only on the operation, the Prefer code and example: computed once. */
  const examples = new Map();

  /** Prism's answer for an operation, serialized. */
  function prismAnswer(operation, path, query, preferences) {
    const resource = prism.get(`${operation.method} ${operation.path}`);
    const request = { method: operation.method, url: { path, query: Object.fromEntries(query) } };
    const result = prismRespond(resource, request, preferences);
    if (!result.ok) return errorAnswer(result.status, `The mock could not answer ${describeOperation(operation)}: ${result.title}: ${result.detail}.`, { operationId: operation.operationId });
    const { "Content-type": type = "text/plain", ...headers } = result.headers ?? {};
    const value = result.body;
    const body = value === undefined ? "" : /[/+]json\b/.test(type) ? JSON.stringify(value) : String(value);
    return { status: result.status, type, headers, body, value: /[/+]json\b/.test(type) ? value : body };
  }

  function exampleAnswer(operation, path, query, preferences) {
    const key = `${operation.method} ${operation.path} ${preferences.code ?? ""} ${preferences.exampleKey ?? ""}`;
    if (!examples.has(key)) examples.set(key, prismAnswer(operation, path, query, { ...preferences, dynamic: false }));
    return examples.get(key);
  }

  /**
   * A generated answer that keeps the contract: the given seed first, then seeds derived from it
   * (`<seed>.1`, `<seed>.2`, …), then the example. Without a seed, fresh random answers are tried.
   */
  function dynamicAnswer(operation, path, query, preferences) {
    for (let attempt = 0; attempt < DYNAMIC_ATTEMPTS; attempt++) {
      const seed = preferences.seed === undefined || attempt === 0 ? preferences.seed : `${preferences.seed}.${attempt}`;
      const answer = prismAnswer(operation, path, query, { ...preferences, seed });
      if (validateResponse(spec, operation, answer).length === 0) return answer;
    }
    return exampleAnswer(operation, path, query, preferences);
  }

  /** @returns {{ operation?: object, answer: import("./errors.mjs").Answer }} */
  function route({ method: rawMethod, url, headers = {}, body = "" }) {
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return { answer: payloadTooLarge() };
    const queryAt = url.indexOf("?");
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? "" : url.slice(queryAt + 1));
    const method = rawMethod.toLowerCase();

    if (!path.startsWith(spec.basePath + "/")) {
      const error = `The path ${path} is outside the API: the mock serves it under ${spec.basePath} (did you mean ${spec.basePath}${path}?).`;
      return { answer: errorAnswer(404, error, { path }) };
    }
    const apiPath = path.slice(spec.basePath.length);
    const match = spec.match(method, apiPath);
    if (!match.operation && match.allowed.length === 0) {
      return { answer: errorAnswer(404, `No operation of the API has the path ${path}.`, { path }) };
    }
    if (!match.operation) {
      const allow = match.allowed.join(", ");
      const template = match.path === apiPath ? "" : ` (${match.path})`;
      const error = `The method ${rawMethod.toUpperCase()} is not defined for ${path}${template}; it answers ${allow}.`;
      return { answer: errorAnswer(405, error, { path, allowed: match.allowed }, { Allow: allow }) };
    }
    const { operation, pathParams } = match;

    const authorization = authorizationViolation(headers.authorization);
    if (authorization) {
      const violations = [{ location: "header", path: "Authorization", message: authorization }];
      const error = `The Authorization header of this request to ${describeOperation(operation)} ${authorization}.`;
      const extra = { operationId: operation.operationId, violations };
      return { operation, answer: errorAnswer(401, error, extra, { "WWW-Authenticate": 'Bearer realm="texter-mock"' }) };
    }
    const invalid = validateRequest(spec, operation, { pathParams, query, headers, body });
    if (invalid) return { operation, answer: violationsAnswer(invalid.status, operation, invalid.violations) };
    const prefer = parsePrefer(operation, headers.prefer);
    if (prefer.violations.length) return { operation, answer: violationsAnswer(400, operation, prefer.violations) };

    // Issue 10 plugs in here: stubs, then the stateful world, before the examples.
    const preferences = { ...defaults, ...prefer.preferences };
    const respond = preferences.dynamic ? dynamicAnswer : exampleAnswer;
    return { operation, answer: respond(operation, apiPath, query, preferences) };
  }

  /**
   * @param {CoreRequest} request
   * @returns {Promise<CoreResponse>}
   */
  async function handle(request) {
    let { operation, answer } = route(request);
    if (validateResponses && operation) {
      const violations = validateResponse(spec, operation, answer);
      if (violations.length) answer = contractBroken(operation, answer, violations);
    }
    return toResponse(answer);
  }

  for (const operation of spec.operations) {
    compileValidators(spec, operation);
    // Checking the default answer runs its validators once, so that the engine has compiled them too.
    validateResponse(spec, operation, exampleAnswer(operation, operation.path, new URLSearchParams(), {}));
  }

  return {
    /** The API's base path on the mock, e.g. `/server/api/v2`. */
    basePath: spec.basePath,
    handle,
    /** The 413 answer, for fronts that stop reading a body once it exceeds {@link MAX_BODY_BYTES}. */
    payloadTooLarge: () => toResponse(payloadTooLarge()),
    /** The 500 answer for an error the pipeline did not expect. */
    internalError: (error) => toResponse(errorAnswer(500, `The mock failed while answering this request: ${error.message}.`)),
  };
}

function payloadTooLarge() {
  return errorAnswer(413, `The request body is larger than the mock accepts (${MAX_BODY_BYTES} bytes).`, { limit: MAX_BODY_BYTES }, { Connection: "close" });
}

/** The 500 that replaces an answer breaking the contract (`validateResponses`), naming every violation. */
function contractBroken(operation, answer, violations) {
  const error = `The mock's ${answer.status} answer to ${describeOperation(operation)} breaks the contract: ${listViolations(violations)}.`;
  return errorAnswer(500, error, { operationId: operation.operationId, answerStatus: answer.status, violations });
}

/** @returns {CoreResponse} */
function toResponse({ status, type, headers = {}, body }) {
  return { status, headers: { ...headers, "Content-Type": type }, body };
}

/** What is wrong with an Authorization header, or null when it carries a Bearer token. */
function authorizationViolation(header) {
  if (!header) return "is missing; send Authorization: Bearer <token>";
  const [scheme, ...rest] = String(header).trim().split(/\s+/);
  if (scheme.toLowerCase() !== "bearer") return `uses the ${scheme} scheme; the API takes Authorization: Bearer <token>`;
  if (rest.length === 0) return "has an empty Bearer token";
  if (rest.length > 1 || !TOKEN68.test(rest[0])) return "has a malformed Bearer token (a single token of letters, digits and -._~+/ is expected)";
  return null;
}
