// The mock keeps the contract in everything it sends: its own errors, generated (dynamic) answers,
// and, with validateResponses, any answer at all. Checked with the repo's independent contract
// check (tools/contract-check.mjs), not with the mock's own validators.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.mjs";
import { exampleRequests, fetchInit, operations } from "./example-requests.mjs";
import { AUTH, BUNDLED_SPEC, contract, specVariant, type ContractError } from "./support.js";

const doc = JSON.parse(readFileSync(BUNDLED_SPEC, "utf8"));
const templateOf = new Map(operations(doc).map((o) => [o.operationId, { method: o.method, path: o.path }]));
/** One request per operation, built from its examples. */
const requests = [...new Map(exampleRequests(doc).map((r) => [r.operationId, r])).values()];

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock({ port: 0, validateResponses: true });
});
afterAll(() => mock.close());

async function checked(operationId: string, url: string, init: RequestInit) {
  const response = await fetch(mock.baseUrl + url, init);
  const body = await response.text();
  const { method, path } = templateOf.get(operationId)!;
  const violations = contract.check({ method, path, status: response.status, contentType: response.headers.get("content-type"), body });
  return { status: response.status, headers: response.headers, body, violations };
}

describe("the mock's own errors are in the contract's shape", () => {
  const json = { ...AUTH, "Content-Type": "application/json" };
  it.each([
    ["no token", "listLabels", "/labels", { method: "GET" }, 401],
    ["a Basic token", "listLabels", "/labels", { method: "GET", headers: { Authorization: "Basic dXNlcg==" } }, 401],
    ["a body missing required fields", "createLabel", "/labels", { method: "POST", headers: json, body: "{}" }, 400],
    ["malformed JSON", "createLabel", "/labels", { method: "POST", headers: json, body: "{" }, 400],
    ["a wrong query parameter", "searchChats", "/chats/search?statuses[]=SOLVED", { method: "GET", headers: AUTH }, 400],
    ["a wrong content type", "createLabel", "/labels", { method: "POST", headers: { ...AUTH, "Content-Type": "text/plain" }, body: "x" }, 415],
    ["an unknown Prefer example", "listLabels", "/labels", { method: "GET", headers: { ...AUTH, Prefer: "example=nope" } }, 400],
  ] as const)("%s → %s, valid against the operation's response", async (_what, operationId, url, init, status) => {
    const answer = await checked(operationId, url, init as RequestInit);
    expect(answer.status).toBe(status);
    expect(answer.violations).toEqual([]);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(answer.body)).toMatchObject({ success: false, error: expect.stringMatching(/\.$/) });
  });

  it.each([
    ["an unknown path", "GET", "/server/api/v2/nothing/here", 404],
    ["a path outside the base path", "GET", "/labels", 404],
    ["a method the path lacks", "PUT", "/server/api/v2/labels", 405],
  ])("%s → %s { success: false, error }", async (_what, method, path, status) => {
    const response = await fetch(mock.url + path, { method, headers: AUTH });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ success: false, error: expect.any(String) });
  });

  it("413 for a body over 10 MiB, in the same shape", async () => {
    const response = await fetch(`${mock.baseUrl}/labels`, { method: "POST", headers: { ...AUTH, "Content-Type": "application/json" }, body: "x".repeat(10 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ success: false, error: expect.stringContaining("larger") });
  });
});

describe("generated answers (Prefer: dynamic=true) keep the contract", () => {
  const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);

  it(`answers every operation validly for seeds ${SEEDS[0]}–${SEEDS.at(-1)}`, async () => {
    const failures: string[] = [];
    for (const request of requests) {
      const init = fetchInit(request);
      for (const seed of SEEDS) {
        const headers = { ...(init.headers as Record<string, string>), Prefer: `dynamic=true, seed=${seed}` };
        const answer = await checked(request.operationId, request.url, { ...init, headers });
        if (answer.status !== request.status) failures.push(`${request.operationId} seed ${seed}: ${answer.status} ${answer.body.slice(0, 300)}`);
        failures.push(...answer.violations.map((v) => `seed ${seed}: ${v}`));
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("falls back to the example when no generated answer keeps the contract", async () => {
    // The generator ignores if/then/else: with this rule no generated label list is valid, but the example (total: 2) is.
    const variant = specVariant((d) => Object.assign(d.components.schemas.LabelList, { if: { properties: { total: { const: 2 } } }, then: {}, else: { not: {} } }));
    const strict = await startMock({ port: 0, spec: variant.file, dynamic: true, seed: 1 });
    try {
      const response = await fetch(`${strict.baseUrl}/labels`, { headers: AUTH });
      expect(response.status).toBe(200);
      const example = doc.paths["/labels"].get.responses["200"].content["application/json"].examples;
      expect(await response.json()).toEqual((Object.values(example)[0] as { value: unknown }).value);
    } finally {
      await strict.close();
      variant.remove();
    }
  });
});

describe("validateResponses", () => {
  const variant = specVariant((d) => {
    const examples = d.paths["/labels"].get.responses["200"].content["application/json"].examples;
    (Object.values(examples)[0] as { value: { total: unknown } }).value.total = "two";
  });
  afterAll(() => variant.remove());

  it("turns an answer that breaks the contract into a 500 naming the violations", async () => {
    const strict = await startMock({ port: 0, spec: variant.file, validateResponses: true });
    try {
      const response = await fetch(`${strict.baseUrl}/labels`, { headers: AUTH });
      expect(response.status).toBe(500);
      const body = (await response.json()) as ContractError & { answerStatus: number };
      expect(body).toMatchObject({ success: false, operationId: "listLabels", answerStatus: 200 });
      expect(body.error).toMatch(/^The mock's 200 answer to listLabels \(GET \/labels\) breaks the contract: body \/total must be integer/);
      expect(body.violations).toEqual([{ location: "body", path: "/total", message: 'must be integer (got "two")' }]);
    } finally {
      await strict.close();
    }
  });

  it("is off by default: the broken example goes out as it is", async () => {
    const lax = await startMock({ port: 0, spec: variant.file });
    try {
      const response = await fetch(`${lax.baseUrl}/labels`, { headers: AUTH });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ total: "two" });
    } finally {
      await lax.close();
    }
  });
});
