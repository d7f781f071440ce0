// Fuzz: generated invalid requests across every operation (missing auth, wrong content type, bad
// JSON, missing body, wrong types, missing fields, empty/broken/too-long strings, unknown
// properties, bad, repeated and malformed parameters, too many array items, broken parameter rules).
// An independent oracle (Ajv on the spec's own schemas) decides which requests are invalid; each
// of those must be a 4xx in the contract's error shape (application/json, success: false) whose
// violations name the field (or the auth header), valid ones must be 2xx, and nothing may be 5xx.
// The mock runs with --validate-responses, so an answer that breaks the contract is a 5xx too.
// Then the mock must still be healthy.
// Loopback only, bounded. Usage: node bench/mock-fuzz.mjs
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { deref, exampleRequests, fetchInit, operations } from "../packages/mock/test/example-requests.mjs";
import { loadDoc, startMockCli } from "./mock-lib.mjs";

const MIN_INVALID = 1000;
const MUTATIONS_PER_EXAMPLE = 60;
const PARALLEL = 8;

const doc = loadDoc();
const ajv = new Ajv2020({ strict: false, logger: false });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: "fuzz:spec" });
const pointerToken = (t) => String(t).replaceAll("~", "~0").replaceAll("/", "~1");
const schemaValidator = (at) => ajv.getSchema(`fuzz:spec#${at}`);

/** Every [pointer, value] of a JSON value, parents before children. */
function nodes(value, at = "") {
  const children = value && typeof value === "object" ? Object.entries(value) : [];
  return [[at, value], ...children.flatMap(([key, child]) => nodes(child, `${at}/${pointerToken(key)}`))];
}

function setAt(root, at, replace) {
  const copy = structuredClone(root);
  const tokens = at.split("/").slice(1).map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  const last = tokens.pop();
  const parent = tokens.reduce((node, token) => node[token], copy);
  if (replace === undefined) Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else parent[last] = replace;
  return copy;
}

function wrongType(value) {
  if (typeof value === "string") return 12345;
  if (typeof value === "number") return "not-a-number";
  if (typeof value === "boolean") return "yes";
  if (Array.isArray(value)) return { not: "an array" };
  if (value === null) return 12345;
  return "not-an-object";
}

function bodyMutations(value) {
  const mutations = [];
  if (value && typeof value === "object" && !Array.isArray(value)) mutations.push(["unknown property", "/__fuzz_extra", { ...value, __fuzz_extra: true }]);
  for (const [at, node] of nodes(value).slice(1)) {
    mutations.push(["wrong type", at, setAt(value, at, wrongType(node))]);
    mutations.push(["missing field", at, setAt(value, at, undefined)]);
    if (typeof node === "string") {
      mutations.push(["empty string", at, setAt(value, at, "")]);
      mutations.push(["broken value", at, setAt(value, at, "!! not valid ¿ \n\t     x")]);
      mutations.push(["too long", at, setAt(value, at, "x".repeat(5000))]);
    }
  }
  const step = Math.max(1, Math.ceil(mutations.length / MUTATIONS_PER_EXAMPLE));
  return mutations.filter((_, i) => i % step === 0);
}

/** The generated cases: `{ category, op, url, init, invalid, names: [{ location, path }] }`. */
function generate() {
  const cases = [];
  const examples = exampleRequests(doc);
  for (const { operationId, method, path, item, operation } of operations(doc)) {
    const base = examples.find((r) => r.operationId === operationId);
    const valid = fetchInit(base);
    const add = (category, url, init, invalid, names) => cases.push({ category, op: operationId, url, init, invalid, names });
    const withHeaders = (headers) => ({ ...valid, headers: { ...valid.headers, ...headers } });
    const auth = [{ location: "header", path: "Authorization" }];

    const { Authorization, ...noAuth } = valid.headers;
    add("missing auth", base.url, { ...valid, headers: noAuth }, true, auth);
    add("wrong auth scheme", base.url, withHeaders({ Authorization: "Basic dXNlcjpwYXNz" }), true, auth);
    add("empty bearer token", base.url, withHeaders({ Authorization: "Bearer " }), true, auth);

    const body = deref(doc, operation.requestBody);
    if (body) {
      const contentType = [{ location: "header", path: "Content-Type" }];
      add("wrong content type", base.url, { ...withHeaders({ "Content-Type": "text/plain" }), body: "hello" }, true, contentType);
      add("malformed JSON", base.url, { ...withHeaders({ "Content-Type": "application/json" }), body: '{"unterminated": ' }, true, [{ location: "body", path: "" }]);
      if (body.required) {
        const { "Content-Type": _, ...noType } = valid.headers;
        add("missing body", base.url, { method: valid.method, headers: noType }, true, [{ location: "body", path: "" }]);
      }
      const schemaAt = `${body.$ref ? body.$ref.slice(1) : `/paths/${pointerToken(path)}/${method}/requestBody`}/content/application~1json/schema`;
      for (const example of examples.filter((r) => r.operationId === operationId && r.body)) {
        for (const [category, at, mutated] of bodyMutations(example.body.value)) {
          const invalid = !schemaValidator(schemaAt)(mutated);
          add(category, example.url, { ...fetchInit(example), body: JSON.stringify(mutated) }, invalid, [{ location: "body", path: at }]);
        }
      }
    }

    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(doc, p));
    const url = new URL(base.url, "http://x");
    for (const parameter of parameters.filter((p) => p.in === "query" || p.in === "path")) {
      const names = [{ location: parameter.in, path: parameter.name }];
      const schema = deref(doc, parameter.schema);
      const validate = ajv.compile({ ...schema, ...(schema.items && { items: deref(doc, schema.items) }) });
      const values = schema.type === "array" ? [Array.from({ length: (schema.maxItems ?? 100) + 1 }, (_, i) => `v${i}`), ["!!bad item!!"]] : ["", "!!bad value!!", "x".repeat(300)];
      if (parameter.in === "path") {
        const segments = url.pathname.split("/");
        segments[path.split("/").indexOf(`{${parameter.name}}`)] = "%E0%A4%A";
        add("malformed encoding", segments.join("/") + url.search, valid, true, names);
      }
      for (const value of values) {
        if (parameter.in === "path") {
          if (value === "" || Array.isArray(value)) continue;
          const segments = url.pathname.split("/");
          segments[path.split("/").indexOf(`{${parameter.name}}`)] = encodeURIComponent(value);
          add("bad path parameter", segments.join("/") + url.search, valid, !validate(value), names);
          continue;
        }
        const query = new URLSearchParams(url.search);
        query.delete(parameter.name);
        for (const v of [value].flat()) query.append(parameter.name, v);
        add(Array.isArray(value) ? "bad array parameter" : "bad query parameter", `${url.pathname}?${query}`, valid, !validate(value), names);
      }
      if (parameter.in === "query" && schema.type !== "array") {
        const query = new URLSearchParams(url.search);
        query.append(parameter.name, query.get(parameter.name) ?? "x");
        add("repeated parameter", `${url.pathname}?${query}`, valid, true, names);
      }
      if (parameter.in === "query" && parameter.required) {
        const query = new URLSearchParams(url.search);
        query.delete(parameter.name);
        add("missing parameter", `${url.pathname}?${query}`, valid, true, names);
      }
    }
    for (const rule of operation["x-texter-parameter-rules"] ?? []) {
      for (const group of rule.together ? [rule.together] : []) {
        const query = new URLSearchParams(url.search);
        query.delete(group[0]);
        add("parameter rule", `${url.pathname}?${query}`, valid, true, [{ location: "query", path: group[0] }]);
      }
      if (rule.anyOf) {
        const query = new URLSearchParams(url.search);
        for (const name of rule.anyOf.flat()) query.delete(name);
        add("parameter rule", `${url.pathname}?${query}`, valid, true, rule.anyOf.flat().map((path) => ({ location: "query", path })));
      }
    }
  }
  return cases;
}

function named(error, names) {
  return (error.violations ?? []).some((v) =>
    names.some((n) => v.location === n.location && (v.path === n.path || (n.location === "body" && (n.path.startsWith(v.path + "/") || v.path.startsWith(n.path + "/") || v.path === "")))),
  );
}

async function run(baseUrl, c) {
  let response;
  try {
    response = await fetch(baseUrl + c.url, c.init);
  } catch (error) {
    return { outcome: "connection error", detail: error.message };
  }
  const text = await response.text();
  if (response.status >= 500) return { outcome: "5xx", detail: `${response.status} ${text.slice(0, 200)}` };
  if (!c.invalid) return response.status < 300 ? { outcome: "valid accepted" } : { outcome: "valid rejected", detail: `${response.status} ${text.slice(0, 300)}` };
  if (response.status < 400) return { outcome: "invalid accepted", detail: `${response.status}` };
  const body = response.headers.get("content-type") === "application/json" ? JSON.parse(text) : undefined;
  if (body?.success !== false || typeof body.error !== "string") return { outcome: "no contract error body", detail: text.slice(0, 200) };
  return named(body, c.names) ? { outcome: "invalid named" } : { outcome: "invalid not named", detail: text.slice(0, 400) };
}

const cases = generate();
const mock = await startMockCli(["--validate-responses"]);
const started = performance.now();
const results = new Array(cases.length);
let next = 0;
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await run(mock.baseUrl, cases[i]);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

const health = await fetch(`${mock.origin}/__health`).then((r) => r.status, () => 0);
const stillServing = await Promise.all(exampleRequests(doc).map((r) => fetch(mock.baseUrl + r.url, fetchInit(r)).then((res) => res.status === r.status, () => false)));
await mock.stop();

const byCategory = new Map();
for (const [i, c] of cases.entries()) {
  const row = byCategory.get(c.category) ?? {};
  row[results[i].outcome] = (row[results[i].outcome] ?? 0) + 1;
  byCategory.set(c.category, row);
}
const count = (outcome) => results.filter((r) => r.outcome === outcome).length;
const invalid = cases.filter((c) => c.invalid).length;
console.log(`Fuzz: ${cases.length} requests over ${operations(doc).length} operations in ${seconds.toFixed(1)} s (${PARALLEL} in flight)`);
for (const [category, row] of byCategory) console.log(`  ${category.padEnd(22)} ${JSON.stringify(row)}`);
console.log(`invalid per oracle: ${invalid}; answered 4xx error naming the field: ${count("invalid named")}`);
console.log(`valid per oracle (mutations that stayed valid): ${cases.length - invalid}; answered 2xx: ${count("valid accepted")}`);
console.log(`5xx: ${count("5xx")}; connection errors: ${count("connection error")}`);
console.log(`afterwards: /__health ${health}; example requests still answered: ${stillServing.filter(Boolean).length}/${stillServing.length}`);
const failures = cases.map((c, i) => ({ c, r: results[i] })).filter(({ r }) => !["invalid named", "valid accepted"].includes(r.outcome));
for (const { c, r } of failures.slice(0, 20)) console.log(`  FAIL ${r.outcome}: ${c.op} ${c.category} ${c.init.method} ${c.url.slice(0, 120)} ${JSON.stringify(c.names)} -> ${r.detail}`);
const ok = failures.length === 0 && invalid >= MIN_INVALID && health === 200 && stillServing.every(Boolean);
console.log(ok ? "PASS" : `FAIL (${failures.length} failures${invalid < MIN_INVALID ? `, fewer than ${MIN_INVALID} invalid requests` : ""})`);
process.exitCode = ok ? 0 : 1;
