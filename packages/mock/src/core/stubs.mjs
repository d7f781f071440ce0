// Stubs checked against the contract: an answer for an operation (optionally only for requests
// that contain given path parameters, query parameters or body fields), used `times` times or
// for good. A stub whose status the operation does not declare, or whose body breaks that
// response's schema, is refused with every violation, so a stub cannot drift from the contract.
import { answerViolations, declaredMediaTypes, findOperation, toSearchParams } from "./contract.mjs";

/**
 * @typedef {{ path?: Record<string, string>, query?: Record<string, string | string[]>, body?: unknown }} StubMatch
 * @typedef {{ status: number, body?: unknown, headers?: Record<string, string> }} StubResponse
 * @typedef {{ operationId?: string, method?: string, path?: string, match?: StubMatch, response: StubResponse, times?: number }} StubDefinition
 * @typedef {{ id: string, operationId: string, match: StubMatch, response: StubResponse, times?: number }} Stub
 * @typedef {{ status: number, contentType?: string, body?: unknown, headers: Record<string, string>, stubId: string }} StubAnswer
 */

/** A refused stub; `violations` lists everything wrong with it. */
export class StubRejected extends Error {
  /** @param {import("./contract.mjs").Violation[]} violations */
  constructor(violations) {
    super(`The stub was refused: ${violations.map((v) => `${v.location} ${v.path || "(root)"}: ${v.message}`).join("; ")}`);
    this.name = "StubRejected";
    /** @type {import("./contract.mjs").Violation[]} */
    this.violations = violations;
  }
}

export function createStubs({ spec }) {
  /** @type {Stub[]} */
  let stubs = [];
  let counter = 0;

  return {
    /**
     * Checks a stub against the contract and adds it; the newest matching stub wins.
     * @param {StubDefinition} definition
     * @returns {Stub} throws StubRejected listing every violation
     */
    add(definition) {
      const { operation, violations } = checkDefinition(spec, definition);
      if (violations.length) throw new StubRejected(violations);
      const { match = {}, response, times } = definition;
      const stub = structuredClone({ id: `stub-${++counter}`, operationId: operation.operationId, match, response, ...(times !== undefined && { times }) });
      stubs.push(stub);
      return structuredClone(stub);
    },
    /** The stubs in force, oldest first (with the uses left in `times`). @returns {Stub[]} */
    list: () => structuredClone(stubs),
    /** Removes every stub. */
    clear() {
      stubs = [];
    },
    /**
     * The answer of the newest stub of this operation that matches the request, or undefined.
     * Uses up one of its `times`.
     * @param {{ operationId: string }} operation
     * @param {{ pathParams?: Record<string, string>, query?: URLSearchParams | Record<string, string | string[]>, body?: unknown }} request
     * @returns {StubAnswer | undefined}
     */
    match(operation, { pathParams = {}, query, body } = {}) {
      for (let i = stubs.length - 1; i >= 0; i--) {
        const stub = stubs[i];
        if (stub.operationId !== operation.operationId || !requestMatches(stub.match, { pathParams, query, body })) continue;
        if (stub.times !== undefined && --stub.times === 0) stubs.splice(i, 1);
        const headers = { ...stub.response.headers };
        const contentType = headerValue(headers, "content-type") ?? mediaTypeOf(operation, stub.response.status);
        return { status: stub.response.status, ...(contentType && { contentType }), body: structuredClone(stub.response.body), headers, stubId: stub.id };
      }
      return undefined;
    },
  };
}

/** The operation a definition names, and everything wrong with the definition. */
function checkDefinition(spec, definition) {
  const violations = [];
  const fail = (path, message) => violations.push({ location: "stub", path, message });
  if (!isObject(definition)) {
    fail("", "must be an object with operationId (or method and path) and response");
    return { violations };
  }
  let operation;
  if (definition.operationId !== undefined) {
    if (typeof definition.operationId !== "string") fail("/operationId", "must be a string");
    else if (!(operation = findOperation(spec, { operationId: definition.operationId }))) fail("/operationId", `${JSON.stringify(definition.operationId)} is not an operation of the contract`);
  } else if (typeof definition.method === "string" && typeof definition.path === "string") {
    operation = findOperation(spec, definition);
    if (!operation) fail("/path", `no operation serves ${definition.method.toUpperCase()} ${definition.path} (give the path below the base path, e.g. /labels/hot_lead)`);
  } else {
    fail("", "must name the operation: operationId, or method and path");
  }
  const { match, response, times } = definition;
  if (match !== undefined) {
    if (!isObject(match)) fail("/match", "must be an object with path, query and/or body");
    else {
      for (const key of Object.keys(match)) if (!["path", "query", "body"].includes(key)) fail(`/match/${key}`, "is not allowed; match takes path, query and body");
      if (match.path !== undefined && !isStringMap(match.path)) fail("/match/path", "must map path parameter names to strings");
      if (match.query !== undefined && !isStringMap(match.query, true)) fail("/match/query", "must map query parameter names to a string or an array of strings");
    }
  }
  if (times !== undefined && !(Number.isInteger(times) && times > 0)) fail("/times", `must be a whole number of uses, at least 1 (got ${JSON.stringify(times)})`);
  if (!isObject(response)) {
    fail("/response", "must be an object with status, and body and headers as needed");
    return { operation, violations };
  }
  for (const key of Object.keys(response)) if (!["status", "body", "headers"].includes(key)) fail(`/response/${key}`, "is not allowed; response takes status, body and headers");
  if (response.headers !== undefined && !isStringMap(response.headers)) fail("/response/headers", "must map header names to strings");
  if (operation) {
    const contentType = isStringMap(response.headers ?? {}) ? headerValue(response.headers ?? {}, "content-type") : undefined;
    const mediaTypes = Number.isInteger(response.status) ? declaredMediaTypes(operation, response.status) : undefined;
    if (mediaTypes?.length && response.body === undefined) {
      fail("/response/body", `is required: the ${response.status} response of ${operation.operationId} has a ${mediaTypes.join(" or ")} body`);
    } else {
      for (const v of answerViolations(spec, operation, { status: response.status, contentType, body: response.body })) {
        const path = v.location === "body" ? `/response/body${v.path}` : v.location === "status" ? "/response/status" : `/response/headers/${v.path}`;
        fail(path, v.message);
      }
    }
  }
  return { operation, violations };
}

/** The first media type of the declared response for a status. */
const mediaTypeOf = (operation, status) => declaredMediaTypes(operation, status)?.[0];

function requestMatches(match, { pathParams, query, body }) {
  for (const [name, value] of Object.entries(match.path ?? {})) if (pathParams[name] !== value) return false;
  for (const [name, wanted] of Object.entries(match.query ?? {})) {
    const sent = toSearchParams(query).getAll(name);
    if (![wanted].flat().every((value) => sent.includes(value))) return false;
  }
  return match.body === undefined || contains(body, match.body);
}

/** Whether `actual` contains `expected`: objects by subset of keys, arrays item by item. */
function contains(actual, expected) {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => contains(actual[i], item));
  if (isObject(expected)) return isObject(actual) && Object.entries(expected).every(([key, value]) => key in actual && contains(actual[key], value));
  return Object.is(actual, expected);
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringMap = (value, arrays = false) =>
  isObject(value) && Object.values(value).every((v) => typeof v === "string" || (arrays && Array.isArray(v) && v.every((item) => typeof item === "string")));
const headerValue = (headers, name) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
