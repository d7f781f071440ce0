// The mock's request pipeline, independent of any server: a request value in, a response value
// out. The node:http front (src/http/) and the MSW front (src/msw.mjs) call it. A request flows
// one way: admin API (/__admin/) or base path → route → auth → token scopes → validate
// (parameters, body, Prefer) → a stub → the stateful world → examples or generated answers
// (Prism) → the answer checked against the contract → the journal. The world's events go to the
// webhook dispatcher, whose deliveries the journal records too.
import { prismOperations, prismRespond } from "../prism.mjs";
import { loadSpec } from "../spec.mjs";
import { compileValidators, parsePrefer, validateRequest, validateResponse } from "../validate.mjs";
import { createAdmin } from "./admin.mjs";
import { createDispatcher } from "./dispatcher.mjs";
import { describeOperation, errorAnswer, listViolations, violationsAnswer } from "./errors.mjs";
import { createJournal } from "./journal.mjs";
import { createScopeCheck, loadTokens, parseTokens } from "./scopes.mjs";
import { createStubs } from "./stubs.mjs";
import { createWorld } from "./world.mjs";

/** The largest request body the mock reads. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** How many generated answers are tried before a dynamic answer falls back to the example. */
export const DYNAMIC_ATTEMPTS = 10;
/** How often a stateful mock on the real clock applies the message status changes that fell due. */
export const SETTLE_INTERVAL_MS = 500;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
const ADMIN_PREFIX = "/__admin";

/**
 * @typedef {{ method: string, url: string, headers?: Record<string, string | string[] | undefined>, body?: string }} CoreRequest
 *   `url`: path and query as sent (`/server/api/v2/labels?limit=5`); `headers`: lower-case names.
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} CoreResponse
 *   `headers` include `Content-Type`.
 * @typedef {{ dynamic?: boolean, seed?: string | number, validateResponses?: boolean, stateful?: boolean,
 *   tokens?: string | Record<string, string[]>, journalLimit?: number, clock?: import("./clock.mjs").Clock,
 *   messageDelays?: { delivered?: number, seen?: number }, retryDelays?: readonly number[] }} CoreOptions
 *   `tokens`: a tokens file or its content (token → scopes); `clock`: the world's clock (default:
 *   real time, settled every {@link SETTLE_INTERVAL_MS} ms); `retryDelays`: the webhook retry waits
 */

/**
 * Loads the spec, compiles every validator (or takes them from the build) and computes every
 * default answer, so that the first request costs what any other does.
 * @param {{ spec?: string, options?: CoreOptions }} [config] `spec`: a bundled OpenAPI 3.1 JSON file
 */
export async function createCore({ spec: specFile, options = {} } = {}) {
  const { dynamic = false, seed, validateResponses = false, stateful = false, tokens, journalLimit, clock, messageDelays, retryDelays } = options;
  const spec = loadSpec(specFile);
  const journal = createJournal({ limit: journalLimit });
  const stubs = createStubs({ spec });
  const scopes = createScopeCheck({ spec, tokens: tokens === undefined ? undefined : typeof tokens === "string" ? loadTokens(tokens, spec) : parseTokens(tokens, spec) });
  const world = stateful ? createWorld({ spec, clock, messageDelays }) : undefined;
  const dispatcher = world && createDispatcher({ spec, report: (delivery) => journal.recordDelivery(delivery), retryDelays });
  world?.onEvent((event, targets) => dispatcher.deliver(event, targets));
  const settler = world && !clock ? setInterval(() => world.settle(), SETTLE_INTERVAL_MS).unref() : undefined;
  const admin = createAdmin({ journal, stubs, world });
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

  /**
   * @returns {{ operation?: any, answer: import("./errors.mjs").Answer, violations?: object[] }}
   *   `violations`: what was wrong with the request, for the journal
   */
  function route({ method: rawMethod, path, query, headers, body, value }) {
    if (Buffer.byteLength(body) > MAX_BODY_BYTES) return { answer: payloadTooLarge() };
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
      return { operation, violations, answer: errorAnswer(401, error, extra, { "WWW-Authenticate": 'Bearer realm="texter-mock"' }) };
    }
    const refused = scopes.check(operation, String(headers.authorization).trim().split(/\s+/)[1]);
    if (refused) return { operation, answer: fromValue(refused) };
    const invalid = validateRequest(spec, operation, { pathParams, query, headers, body });
    if (invalid) return { operation, violations: invalid.violations, answer: violationsAnswer(invalid.status, operation, invalid.violations) };
    const prefer = parsePrefer(operation, headers.prefer);
    if (prefer.violations.length) return { operation, violations: prefer.violations, answer: violationsAnswer(400, operation, prefer.violations) };

    // A stub wins; then the world, unless Prefer asks for an example or a status; then Prism.
    const request = { pathParams, query, body: value };
    const stubbed = stubs.match(operation, request);
    if (stubbed) return { operation, answer: fromValue(stubbed) };
    const preferences = { ...defaults, ...prefer.preferences };
    const modelled = world && preferences.code === undefined && preferences.exampleKey === undefined ? world.handle(operation, request) : undefined;
    if (modelled) return { operation, answer: fromValue(modelled) };
    const respond = preferences.dynamic ? dynamicAnswer : exampleAnswer;
    return { operation, answer: respond(operation, apiPath, query, preferences) };
  }

  /**
   * @param {CoreRequest} request
   * @returns {Promise<CoreResponse>}
   */
  async function handle({ method, url, headers = {}, body = "" }) {
    const queryAt = url.indexOf("?");
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? "" : url.slice(queryAt + 1));
    if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) return toResponse(fromValue(admin.handleAdmin({ method, path, query, body })));
    const value = parseBody(headers["content-type"], body);
    let { operation, answer, violations = [] } = route({ method, path, query, headers, body, value });
    if (validateResponses && operation) {
      const broken = validateResponse(spec, operation, answer);
      if (broken.length) {
        answer = contractBroken(operation, answer, broken);
        violations = broken;
      }
    }
    journal.record({ method, path, query, headers, body: value, operationId: operation?.operationId, status: answer.status, violations });
    return toResponse(answer);
  }

  /** The programmatic sandbox API that every front hands its users (see src/index.d.mts). */
  const sandbox = {
    async requests({ operationId, since, kind = "request" } = {}) {
      return journal.list({ operationId, since, kind });
    },
    async webhooks({ since } = {}) {
      return journal.list({ since, kind: "webhook" });
    },
    async stub(operationId, definition) {
      return stubs.add({ ...definition, operationId });
    },
    async clearStubs() {
      stubs.clear();
    },
    async reset() {
      world?.reset();
      stubs.clear();
      journal.clear();
    },
    /** Resolves once every webhook delivery started so far (retries included) has ended. */
    async webhooksIdle() {
      await dispatcher?.idle();
    },
    /** The world's clock (stateful mode). */
    get clock() {
      needWorld("the clock");
      return { now: () => world.settle(), advance: async (advanceMs) => adminCall("/clock", { advanceMs }).now };
    },
    async simulateIncomingMessage(input) {
      return adminCall("/simulate/incoming-message", input);
    },
    async simulateChannelProblem(input) {
      return adminCall("/simulate/channel-problem", input);
    },
    async setMessageStatus(messageId, status, error) {
      await adminCall("/simulate/message-status", { messageId, status, ...(error !== undefined && { error }) });
    },
  };

  function needWorld(what) {
    if (!world) throw new Error(`${what} needs the stateful mode: start the mock with stateful: true (--stateful)`);
  }

  /** A POST to the admin API, so that programmatic calls are checked as admin requests are; throws its error. */
  function adminCall(path, body) {
    needWorld(path.slice(1));
    const answer = admin.handleAdmin({ method: "POST", path: `${ADMIN_PREFIX}${path}`, body });
    if (answer.status >= 300) throw Object.assign(new Error(answer.body?.error ?? `${path} answered ${answer.status}`), { status: answer.status, violations: answer.body?.violations });
    return answer.body;
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
    sandbox,
    /** Stops the settle timer and the webhook deliveries in flight. */
    async close() {
      clearInterval(settler);
      await dispatcher?.close();
    },
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

/**
 * An answer given as a value (stubs, world, scopes, admin: `{ status, contentType, body, headers? }`)
 * as the pipeline's serialized answer.
 * @returns {import("./errors.mjs").Answer}
 */
function fromValue(answer) {
  const { status, contentType, headers = {} } = answer;
  const type = contentType ?? "application/json";
  // The world's JSON answers come serialized: their value is parsed only if a check reads it.
  if (answer.text !== undefined) return new SerializedAnswer(answer, headers);
  const { body } = answer;
  const json = /[/+]json\b/.test(type);
  const text = body === undefined ? "" : json ? JSON.stringify(body) : String(body);
  return { status, type, headers, body: text, value: json ? body : text };
}

/** A serialized world answer as the pipeline's answer; `value` is parsed when a check reads it. */
class SerializedAnswer {
  constructor(answer, headers) {
    this.status = answer.status;
    this.type = answer.contentType;
    this.headers = headers;
    this.body = answer.text;
    this.answer = answer;
  }
  get value() {
    return this.answer.body;
  }
}

/** The request body as the journal, the stubs and the world see it: parsed JSON, else the text (undefined when empty). */
function parseBody(contentType, body) {
  if (body === "") return undefined;
  if (/[/+]json\b/.test(String(contentType ?? ""))) {
    try {
      return JSON.parse(body);
    } catch {
      return body;
    }
  }
  return body;
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
