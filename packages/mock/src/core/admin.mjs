// The admin API under /__admin/, front-agnostic: a request value in, an answer value out. What it
// takes and answers is described by admin-openapi.yaml, and its input is validated against that
// document, so the two cannot disagree. Bad input gets a 400 that says what is wrong; any failure
// inside ends in an answer, never in an exception.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { withoutBranchNoise } from "../validate.mjs";
import { describe, toSearchParams } from "./contract.mjs";
import { parseSince } from "./journal.mjs";
import { StubRejected } from "./stubs.mjs";

/** The admin API's OpenAPI 3.1 description, shipped in the package. */
export const ADMIN_SPEC = fileURLToPath(new URL("../../admin-openapi.yaml", import.meta.url));
const ADMIN_ID = "https://texter-mock.invalid/admin-openapi.json";

/**
 * @typedef {{ method: string, path: string, query?: URLSearchParams | Record<string, string | string[]>, body?: unknown }} AdminRequest
 *   `body`: the raw text (parsed here as JSON) or an already parsed value
 * @typedef {{ status: number, contentType: "application/json", body: unknown, headers?: Record<string, string> }} AdminAnswer
 */

let document;
/** The admin document, parsed once. */
export function adminDocument() {
  document ??= parse(readFileSync(ADMIN_SPEC, "utf8"));
  return document;
}

let ajv;
/** A validator for a schema of the admin document, by JSON pointer. */
export function adminValidator(pointer) {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, logger: false });
    addFormats(ajv);
    ajv.addSchema({ ...adminDocument(), $id: ADMIN_ID });
  }
  return ajv.getSchema(`${ADMIN_ID}#${pointer}`);
}

const json = (status, body, headers) => ({ status, contentType: "application/json", body, ...(headers && { headers }) });
const failure = (status, error, violations) => json(status, { success: false, error, ...(violations && { violations }) });

/**
 * @param {{ journal: ReturnType<typeof import("./journal.mjs").createJournal>,
 *   stubs: ReturnType<typeof import("./stubs.mjs").createStubs>,
 *   world?: ReturnType<typeof import("./world.mjs").createWorld> }} parts `world`: only in stateful mode
 */
export function createAdmin({ journal, stubs, world }) {
  const stateful = (fn) => (request) =>
    world ? fn(request) : failure(409, "This needs the stateful mode: start the mock with --stateful (or startMock({ stateful: true }))");

  /** path → method → [operation pointer, handler] */
  const routes = {
    "/__admin/requests": {
      get: ({ query }) => {
        const filters = {};
        for (const name of ["operationId", "since", "kind"]) if (query.has(name)) filters[name] = query.get(name);
        if (filters.since !== undefined) parseSince(filters.since);
        const entries = journal.list(filters);
        return json(200, { total: entries.length, entries });
      },
      delete: () => {
        const deleted = journal.size;
        journal.clear();
        return json(200, { deleted });
      },
    },
    "/__admin/stubs": {
      get: () => json(200, { stubs: stubs.list() }),
      post: ({ body }) => {
        try {
          return json(201, stubs.add(body));
        } catch (error) {
          if (error instanceof StubRejected) return failure(400, error.message, error.violations);
          throw error;
        }
      },
      delete: () => {
        const deleted = stubs.list().length;
        stubs.clear();
        return json(200, { deleted });
      },
    },
    "/__admin/reset": {
      post: () => {
        world?.reset();
        stubs.clear();
        journal.clear();
        return json(200, { success: true });
      },
    },
    "/__admin/clock": {
      get: stateful(() => clockState(world.settle())),
      post: stateful(({ body }) => clockState(world.advanceClock(body.advanceMs))),
    },
    "/__admin/simulate/incoming-message": {
      post: stateful(({ body }) => world.simulateIncomingMessage(body)),
    },
    "/__admin/simulate/message-status": {
      post: stateful(({ body }) => world.setMessageStatus(body.messageId, body.status, body.error) ?? json(200, { success: true })),
    },
    "/__admin/simulate/channel-problem": {
      post: stateful(({ body }) => world.simulateChannelProblem(body)),
    },
  };

  return {
    /**
     * Answers a request under /__admin/.
     * @param {AdminRequest} request
     * @returns {AdminAnswer}
     */
    handleAdmin({ method, path, query, body }) {
      try {
        const route = routes[String(path).replace(/\/+$/, "")];
        if (!route) return failure(404, `No admin endpoint at ${path}. The admin API has: ${Object.keys(routes).join(", ")}`);
        const verb = String(method).toLowerCase();
        const allow = Object.keys(route).map((m) => m.toUpperCase()).join(", ");
        if (!route[verb]) return json(405, { success: false, error: `${path} takes ${allow}, not ${String(method).toUpperCase()}` }, { Allow: allow });
        const params = toSearchParams(query);
        const input = parseInput(verb, path, params, body);
        if (input.answer) return input.answer;
        const answer = route[verb]({ query: params, body: input.body });
        // (The world's JSON answers keep their body behind a getter, which a spread would drop.)
        return answer.contentType === "application/json" ? answer : { ...answer, contentType: "application/json" };
      } catch (error) {
        if (error instanceof RangeError) return failure(400, error.message);
        return failure(500, `The admin API failed: ${error?.message ?? error}`);
      }
    },
  };
}

function clockState(now) {
  return json(200, { now, time: new Date(now).toISOString() });
}

/** Parses and validates the query and body against the admin document. */
function parseInput(verb, path, query, raw) {
  const operation = adminDocument().paths[path.replace(/\/+$/, "")][verb];
  const pointer = `/paths/${path.replace(/\/+$/, "").replaceAll("~", "~0").replaceAll("/", "~1")}/${verb}`;
  const violations = [];
  (operation.parameters ?? []).forEach((parameter, i) => {
    const values = query.getAll(parameter.name);
    if (values.length > 1) violations.push({ location: "query", path: parameter.name, message: `is sent ${values.length} times; it takes one value` });
    else if (values.length === 1) {
      const validate = adminValidator(`${pointer}/parameters/${i}/schema`);
      if (!validate(values[0])) violations.push(...validate.errors.map((e) => ({ location: "query", path: parameter.name, message: describe(e) })));
    }
  });
  const known = new Set((operation.parameters ?? []).map((p) => p.name));
  for (const name of new Set(query.keys())) if (!known.has(name)) violations.push({ location: "query", path: name, message: `is not a parameter of ${verb.toUpperCase()} ${path}` });

  let body = raw;
  if (typeof raw === "string" || raw instanceof Uint8Array) {
    const text = String(typeof raw === "string" ? raw : new TextDecoder().decode(raw));
    if (text.trim() === "") body = undefined;
    else {
      try {
        body = JSON.parse(text);
      } catch (error) {
        violations.push({ location: "body", path: "", message: `is not valid JSON: ${error.message}` });
        return { answer: failure(400, `Invalid admin request: the body is not valid JSON: ${error.message}`, violations) };
      }
    }
  }
  if (operation.requestBody) {
    if (body === undefined) violations.push({ location: "body", path: "", message: "is required (a JSON body)" });
    else {
      const validate = adminValidator(`${pointer}/requestBody/content/application~1json/schema`);
      if (!validate(body)) violations.push(...withoutBranchNoise(validate.errors).map((e) => ({ location: "body", path: e.instancePath, message: describe(e) })));
    }
  }
  if (violations.length === 0) return { body };
  const summary = violations.map((v) => `${v.location} ${v.path || "(root)"} ${v.message}`).join("; ");
  return { answer: failure(400, `Invalid admin request: ${summary}`, violations) };
}
