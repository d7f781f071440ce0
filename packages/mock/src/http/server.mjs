// The HTTP front of the mock: health check, base path, routing, auth and validation, then Prism.
import { createServer } from "node:http";
import { prismOperations, prismRespond } from "./prism.mjs";
import { loadSpec } from "./spec.mjs";
import { parsePrefer, validateRequest } from "./validate.mjs";

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const HEALTH_PATH = "/__health";
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/** @type {typeof import("./index.mjs").startMock} */
export async function startMock({ port = 4010, host = "127.0.0.1", dynamic = false, seed, spec: specFile, verbose = false } = {}) {
  const spec = loadSpec(specFile);
  const resources = {
    operations: new Map((await prismOperations(spec.text)).map((r) => [`${r.method} ${r.path}`, r])),
    answers: new Map(),
  };
  const defaults = { dynamic, ...(seed === undefined ? {} : { seed: String(seed) }) };

  const server = createServer((req, res) => {
    const started = performance.now();
    handle(spec, resources, defaults, req, res)
      .catch((error) => {
        if (req.destroyed) return; // the client went away (e.g. aborted while sending its body)
        console.error(`texter-mock: internal error on ${req.method} ${req.url}:`, error);
        if (!res.headersSent) send(res, problem(500, "internal-error", "Internal mock error", error.message));
        else res.destroy();
      })
      .finally(() => {
        if (verbose) console.log(`${req.method} ${req.url} -> ${res.statusCode} (${(performance.now() - started).toFixed(1)} ms)`);
      });
  });
  server.keepAliveTimeout = 5000;

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port: boundPort } = server.address();
  const url = `http://${address.includes(":") ? `[${address}]` : address}:${boundPort}`;
  return {
    url,
    baseUrl: url + spec.basePath,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(spec, resources, defaults, req, res) {
  const body = await readBody(req);
  if (body === null) return send(res, problem(413, "payload-too-large", "Payload too large", `The mock accepts bodies up to ${MAX_BODY_BYTES} bytes.`), { Connection: "close" });

  const queryAt = req.url.indexOf("?");
  const path = queryAt < 0 ? req.url : req.url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? "" : req.url.slice(queryAt + 1));
  const method = req.method.toLowerCase();

  if (path === HEALTH_PATH) {
    if (method !== "get") return send(res, problem(405, "method-not-allowed", "Method not allowed", `${HEALTH_PATH} answers GET only.`), { Allow: "GET" });
    return send(res, { status: 200, type: "application/json", body: JSON.stringify({ status: "ok" }) });
  }
  if (!path.startsWith(spec.basePath + "/")) {
    const detail = `The mock serves the API under ${spec.basePath}; ${path} is outside it. Did you mean ${spec.basePath}${path}?`;
    return send(res, problem(404, "not-found", "Not found", detail, { path }));
  }

  const match = spec.match(method, path.slice(spec.basePath.length));
  if (!match.operation && match.allowed.length === 0) {
    return send(res, problem(404, "not-found", "Not found", `No operation of the API has the path ${path}.`, { path }));
  }
  if (!match.operation) {
    const allowed = match.allowed.join(", ");
    const detail = `${req.method} is not defined for ${path}; it answers ${allowed}.`;
    return send(res, problem(405, "method-not-allowed", "Method not allowed", detail, { path }), { Allow: allowed });
  }

  const authorization = authorizationViolation(req.headers.authorization);
  if (authorization) {
    const violations = [{ location: "header", path: "Authorization", message: authorization }];
    const detail = `The Authorization header ${authorization}.`;
    return send(res, problem(401, "unauthorized", "Unauthorized", detail, { violations }), { "WWW-Authenticate": 'Bearer realm="texter-mock"' });
  }

  const { operation, pathParams } = match;
  const invalid = validateRequest(spec, operation, { pathParams, query, headers: req.headers, body });
  if (invalid) return send(res, violationsProblem(invalid.status, operation, invalid.violations));
  const prefer = parsePrefer(operation, req.headers.prefer);
  if (prefer.violations.length) return send(res, violationsProblem(400, operation, prefer.violations));

  const preferences = { ...defaults, ...prefer.preferences };
  return send(res, answer(resources, operation, path.slice(spec.basePath.length), query, preferences));
}

/**
 * Prism's answer, serialized. Answers from examples depend only on the operation and the Prefer
 * code and example, so they are computed by Prism once and then reused; dynamic ones never are.
 */
function answer(resources, operation, path, query, preferences) {
  const key = `${operation.method} ${operation.path} ${preferences.code ?? ""} ${preferences.exampleKey ?? ""}`;
  const cached = !preferences.dynamic && resources.answers.get(key);
  if (cached) return cached;
  const resource = resources.operations.get(`${operation.method} ${operation.path}`);
  const request = { method: operation.method, url: { path, query: Object.fromEntries(query) } };
  const result = prismRespond(resource, request, preferences);
  if (!result.ok) return problem(result.status, "prism-error", result.title, result.detail);
  const { "Content-type": type = "text/plain", ...headers } = result.headers ?? {};
  const body = result.body === undefined ? "" : /[/+]json\b/.test(type) ? JSON.stringify(result.body) : String(result.body);
  const serialized = { status: result.status, type, body, headers };
  if (!preferences.dynamic) resources.answers.set(key, serialized);
  return serialized;
}

/** What is wrong with an Authorization header, or null when it carries a Bearer token. */
function authorizationViolation(header) {
  if (!header) return "is missing; send Authorization: Bearer <token>";
  const [scheme, ...rest] = header.trim().split(/\s+/);
  if (scheme.toLowerCase() !== "bearer") return `uses the ${scheme} scheme; the API takes Authorization: Bearer <token>`;
  if (rest.length === 0) return "has an empty Bearer token";
  if (rest.length > 1 || !TOKEN68.test(rest[0])) return "has a malformed Bearer token (a single token of letters, digits and -._~+/ is expected)";
  return null;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function violationsProblem(status, operation, violations) {
  const [title, type] = status === 415 ? ["Unsupported media type", "unsupported-media-type"] : ["Invalid request", "invalid-request"];
  const count = violations.length === 1 ? "1 violation" : `${violations.length} violations`;
  const listed = violations.map((v) => `${v.location} ${v.path || "(root)"} ${v.message}`).join("; ");
  const detail = `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}): ${count}: ${listed}.`;
  return problem(status, type, title, detail, { violations });
}

/** An RFC 9457 problem document. */
function problem(status, type, title, detail, extra = {}) {
  const body = JSON.stringify({ type: `urn:texter-mock:problem:${type}`, title, status, detail, ...extra });
  return { status, type: "application/problem+json", body };
}

function send(res, { status, type, body, headers: own = {} }, headers = {}) {
  res.writeHead(status, { ...own, ...headers, "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
