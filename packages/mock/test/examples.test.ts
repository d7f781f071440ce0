// The spec's examples and the mock agree: for every operation, a request built from the
// operation's own parameter and request-body examples is accepted and answered with the first
// example of its success response.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.mjs";
import { exampleRequests, fetchInit, operations } from "./example-requests.mjs";
import { BUNDLED_SPEC } from "./support.js";

const doc = JSON.parse(readFileSync(BUNDLED_SPEC, "utf8"));
const requests = exampleRequests(doc);

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock({ port: 0, validateResponses: true });
});
afterAll(() => mock.close());

describe("every operation answers its first success example to a request built from its examples", () => {
  it("covers every operation of the spec", () => {
    expect(new Set(requests.map((r) => r.operationId)).size).toBe(operations(doc).length);
  });

  it.each(requests.map((r) => [r.label, r] as const))("%s", async (_label, request) => {
    const response = await fetch(mock.baseUrl + request.url, fetchInit(request));
    const text = await response.text();
    expect(response.status, text).toBe(request.status);
    if (!request.expected) return;
    expect(response.headers.get("content-type")).toContain(request.expected.mediaType);
    expect(request.expected.mediaType.includes("json") ? JSON.parse(text) : text).toEqual(request.expected.value);
  });
});
