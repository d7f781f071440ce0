// newman, the Postman runtime, runs the generated collection against a real texter-mock with only
// `baseUrl` overridden, as a team would (`newman run … --env-var baseUrl=…`): every request
// succeeds. Then each saved error example (openapi-to-postmanv2 keeps the request it belongs to)
// is compared with what the mock answers to a request that provokes that status: status, media
// type and body shape.
import { readFileSync } from "node:fs";
import { startMock } from "@texterchat/api-mock";
import newman from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTION_FILE } from "../src/dist.mjs";
import { loadSpec, operations, parametersOf, resolve } from "../src/openapi.mjs";
import { requestItems } from "../src/postman.mjs";
import { builtFile } from "./built";

type Json = any;
interface Execution {
  item: { name: string };
  response?: { code: number; headers: { get(name: string): string | undefined }; text(): string };
  requestError?: Error;
}

const spec = loadSpec();
const collection = JSON.parse(readFileSync(builtFile(COLLECTION_FILE), "utf8"));
const entryByRoute = new Map([...operations(spec)].map((entry: Json) => [`${entry.method.toUpperCase()} ${entry.path}`, entry]));

let mock: { baseUrl: string; close(): Promise<void> };

beforeAll(async () => {
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock?.close();
});

/** Runs a collection with newman, `baseUrl` set to the mock, and returns one execution per request. */
function runNewman(collectionJson: Json): Promise<Execution[]> {
  return new Promise((resolvePromise, reject) => {
    newman.run(
      { collection: collectionJson, envVar: [{ key: "baseUrl", value: mock.baseUrl }], reporters: [], timeoutRequest: 10_000 },
      (error: Error | null, summary: { run: { executions: Execution[] } }) => (error ? reject(error) : resolvePromise(summary.run.executions)),
    );
  });
}

const mediaType = (contentType: string | undefined) => contentType?.split(";")[0]!.trim().toLowerCase();
const savedMediaType = (example: Json) => mediaType(example.header?.find((h: Json) => h.key.toLowerCase() === "content-type")?.value);
const isJson = (type: string | undefined) => !!type && /[/+]json$/.test(type);
const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** How `actual` departs from the shape of `saved`: every field of the example, with the same JSON type. */
function shapeMismatches(saved: unknown, actual: unknown, at = ""): string[] {
  if (kind(saved) !== kind(actual)) return [`${at || "the body"} is ${kind(actual)}, the example's is ${kind(saved)}`];
  if (kind(saved) === "object") {
    return Object.entries(saved as object).flatMap(([key, value]) =>
      key in (actual as object) ? shapeMismatches(value, (actual as Json)[key], `${at}/${key}`) : [`${at}/${key} is missing`],
    );
  }
  if (kind(saved) === "array" && (saved as unknown[]).length > 0 && (actual as unknown[]).length > 0) return shapeMismatches((saved as unknown[])[0], (actual as unknown[])[0], `${at}/0`);
  return [];
}

/** The spec operation of a collection request. */
function entryOf(request: Json): Json {
  const path = `/${request.url.path.map((segment: string) => segment.replace(/^:(.+)$/, "{$1}")).join("/")}`;
  return entryByRoute.get(`${request.method} ${path}`);
}

/** True when the parameter's schema refuses the value "!" (a pattern, an enum, a non-string type). */
function refusesBang(parameter: Json): boolean {
  const schema = resolve(spec, parameter.schema) ?? {};
  const value = schema.type === "array" ? resolve(spec, schema.items) ?? {} : schema;
  if (value.enum || value.const !== undefined) return true;
  if (["integer", "number", "boolean"].includes(value.type)) return true;
  return typeof value.pattern === "string" && !new RegExp(value.pattern, "u").test("!");
}

/**
 * A request that the contract rejects with 400, made from the example's own request: a JSON body
 * that is not JSON; else a required query parameter left out; else "!" for a parameter that
 * refuses it. Undefined when the operation takes nothing that can be broken.
 */
function breakRequest(request: Json): { how: string; request: Json } | undefined {
  if (request.body?.mode === "raw" && request.body.options?.raw?.language === "json") {
    return { how: "a body that is not JSON", request: { ...request, body: { ...request.body, raw: "{" } } };
  }
  const parameters = parametersOf(spec, entryOf(request));
  const required = parameters.find((p: Json) => p.in === "query" && p.required);
  if (required) {
    const query = request.url.query.map((q: Json) => (q.key === required.name ? { ...q, disabled: true } : q));
    return { how: `without the required ${required.name}`, request: { ...request, url: { ...request.url, query } } };
  }
  const breakable = parameters.find((p: Json) => (p.in === "path" || p.in === "query") && refusesBang(p));
  if (breakable?.in === "path") {
    const variable = request.url.variable.map((v: Json) => (v.key === breakable.name ? { ...v, value: "!" } : v));
    return { how: `path parameter ${breakable.name}=!`, request: { ...request, url: { ...request.url, variable } } };
  }
  if (breakable?.in === "query") {
    const query = [...request.url.query.filter((q: Json) => q.key !== breakable.name), { key: breakable.name, value: "!" }];
    return { how: `query parameter ${breakable.name}=!`, request: { ...request, url: { ...request.url, query } } };
  }
  return undefined;
}

/**
 * How the test makes the mock answer a saved error example's status, honestly where it can:
 * 401 by the example's own request, which carries no token; 400 by a request that breaks the
 * contract. The mock holds no data and no rate limit, so 403, 404, 429 and the `default` response
 * (filed under 500 by the converter) are asked for with `Prefer: code=<status>`.
 */
function provoke(example: Json): { how: string; request: Json } {
  const request = structuredClone(example.originalRequest);
  if (example.code === 401) {
    if (request.auth?.type !== "noauth") throw new Error(`the 401 example "${example.name}" is saved with a request that inherits the token`);
    return { how: "no token", request };
  }
  const broken = example.code === 400 ? breakRequest(request) : undefined;
  if (broken) return broken;
  return { how: `Prefer: code=${example.code}`, request: { ...request, header: [...(request.header ?? []), { key: "Prefer", value: `code=${example.code}` }] } };
}

describe(`newman runs dist/${COLLECTION_FILE} against texter-mock`, () => {
  const items = [...requestItems(collection.item)];

  it("with only baseUrl overridden, every request succeeds with its saved success example's status and media type", async () => {
    const executions = await runNewman(collection);
    expect(executions.map((e) => e.item.name)).toEqual(items.map((item) => item.name));
    const problems = executions.flatMap((execution, index) => {
      const { response, requestError } = execution;
      if (!response) return [`${execution.item.name}: no response (${requestError?.message})`];
      const saved = items[index].response.find((r: Json) => r.code >= 200 && r.code < 300);
      if (!saved) return [`${execution.item.name}: the collection saves no success example`];
      const answered = `${response.code} ${mediaType(response.headers.get("Content-Type"))}`;
      const expected = `${saved.code} ${savedMediaType(saved)}`;
      return answered === expected ? [] : [`${execution.item.name}: answered ${answered}, the saved example is ${expected}: ${response.text().slice(0, 300)}`];
    });
    expect(problems).toEqual([]);
  });

  it("the body comparison names what differs", () => {
    const saved = { success: false, error: "Missing or invalid bearer token" };
    expect(shapeMismatches(saved, { type: "urn:texter-mock:problem:unauthorized", title: "Unauthorized", status: 401 })).toEqual(["/success is missing", "/error is missing"]);
    expect(shapeMismatches(saved, { success: "false", error: "No token", violations: [] })).toEqual(["/success is string, the example's is boolean"]);
    expect(shapeMismatches(saved, [saved])).toEqual(["the body is array, the example's is object"]);
    expect(shapeMismatches(saved, { ...saved, error: "another message", violations: [] })).toEqual([]);
  });

  it("every saved error example matches the mock's answer to a request that provokes it", async () => {
    const cases = items.flatMap((item) =>
      item.response.filter((example: Json) => example.code >= 400).map((example: Json) => ({ item, example, ...provoke(example) })),
    );
    expect(cases.filter((c) => c.example.code === 401)).toHaveLength(items.length);
    const derived = {
      info: { name: `${collection.info.name}: error examples`, schema: collection.info.schema },
      auth: collection.auth,
      variable: collection.variable,
      item: cases.map((c, index) => ({ name: `${index} ${c.item.name} → ${c.example.name} (${c.how})`, request: c.request })),
    };
    const executions = await runNewman(derived);
    expect(executions).toHaveLength(cases.length);
    const problems = executions.flatMap((execution, index) => {
      const { example } = cases[index]!;
      const { response } = execution;
      if (!response) return [`${execution.item.name}: no response (${execution.requestError?.message})`];
      const type = mediaType(response.headers.get("Content-Type"));
      const found: string[] = [];
      if (response.code !== example.code) found.push(`status ${response.code}`);
      if (type !== savedMediaType(example)) found.push(`content type ${type}, the example's is ${savedMediaType(example)}`);
      else if (isJson(type)) {
        let body: unknown;
        try {
          body = JSON.parse(response.text());
        } catch {
          found.push(`a ${type} body that is not JSON`);
        }
        if (body !== undefined) found.push(...shapeMismatches(JSON.parse(example.body), body));
      }
      else if (response.text() !== example.body) found.push(`body ${JSON.stringify(response.text())}, the example's is ${JSON.stringify(example.body)}`);
      return found.length ? [`${execution.item.name}: ${found.join("; ")} — ${response.text().slice(0, 200)}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
