import { describe, expect, it } from "vitest";
import { findOperation } from "../src/core/contract.mjs";
import { StubRejected, createStubs } from "../src/core/stubs.mjs";
import { loadSpec } from "../src/spec.mjs";
import { SPEC_FILE } from "./world-support.js";

const spec = loadSpec(SPEC_FILE);
const op = (operationId: string) => findOperation(spec, { operationId })!;
const rejection = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof StubRejected) return error.violations;
    throw error;
  }
  throw new Error("the stub was accepted");
};

describe("stubs", () => {
  it("answer matching requests, newest first, for as many times as asked", () => {
    const stubs = createStubs({ spec });
    stubs.add({ operationId: "getLabel", response: { status: 200, body: { id: "any", name: "Any" } } });
    const vip = stubs.add({ operationId: "getLabel", match: { path: { labelId: "vip" } }, response: { status: 200, body: { id: "vip", name: "VIP" } }, times: 1 });
    expect(vip).toMatchObject({ id: "stub-2", operationId: "getLabel", times: 1 });
    expect(stubs.match(op("getLabel"), { pathParams: { labelId: "vip" } })).toEqual({
      status: 200,
      contentType: "application/json",
      body: { id: "vip", name: "VIP" },
      headers: {},
      stubId: "stub-2",
    });
    expect(stubs.match(op("getLabel"), { pathParams: { labelId: "vip" } })?.stubId).toBe("stub-1"); // stub-2 is used up
    expect(stubs.list().map((s) => s.id)).toEqual(["stub-1"]);
    expect(stubs.match(op("listLabels"), {})).toBeUndefined();
    stubs.clear();
    expect(stubs.match(op("getLabel"), { pathParams: { labelId: "vip" } })).toBeUndefined();
  });

  it("match query and body by subset", () => {
    const stubs = createStubs({ spec });
    stubs.add({
      operationId: "searchChats",
      match: { query: { "statuses[]": ["PENDING"], search: "Dana" } },
      response: { status: 200, body: { total: 0, data: [] }, headers: { "X-Stub": "yes" } },
    });
    stubs.add({ method: "POST", path: "/messages/send/{chatId}", match: { body: { type: "text", text: "ping" } }, response: { status: 404, body: { success: false, error: "no chat" } } });
    const query = new URLSearchParams([["search", "Dana"], ["statuses[]", "PENDING"], ["statuses[]", "BOT"]]);
    expect(stubs.match(op("searchChats"), { query })?.headers).toEqual({ "X-Stub": "yes" });
    expect(stubs.match(op("searchChats"), { query: { search: "Dana" } })).toBeUndefined();
    expect(stubs.match(op("sendMessage"), { pathParams: { chatId: "c" }, body: { type: "text", text: "ping", tmpSendId: "1" } })?.status).toBe(404);
    expect(stubs.match(op("sendMessage"), { pathParams: { chatId: "c" }, body: { type: "text", text: "pong" } })).toBeUndefined();
  });

  it("are found by method and concrete path too", () => {
    const stubs = createStubs({ spec });
    expect(stubs.add({ method: "delete", path: "/labels/hot_lead", response: { status: 200, body: "OK" } }).operationId).toBe("deleteLabel");
    expect(stubs.match(op("deleteLabel"), { pathParams: { labelId: "x" } })).toMatchObject({ contentType: "text/plain", body: "OK" });
  });

  it("are refused when the body breaks the response schema, naming every field", () => {
    const stubs = createStubs({ spec });
    const violations = rejection(() => stubs.add({ operationId: "getLabel", response: { status: 200, body: { id: "", color: "red" } } }));
    expect(violations).toEqual([
      { location: "stub", path: "/response/body/name", message: "is required" },
      { location: "stub", path: "/response/body/id", message: "must NOT have fewer than 1 characters" },
      { location: "stub", path: "/response/body/color", message: 'must match pattern "^#[0-9a-fA-F]{6}$" (got "red")' },
    ]);
    expect(stubs.list()).toEqual([]);
  });

  it("are refused for a status the operation does not declare, and for a missing or mistyped body", () => {
    const stubs = createStubs({ spec });
    expect(rejection(() => stubs.add({ operationId: "listLabels", response: { status: 201, body: {} } }))).toEqual([
      { location: "stub", path: "/response/status", message: expect.stringMatching(/^201 is not a status of listLabels; it declares 200, .*default$/) },
    ]);
    expect(rejection(() => stubs.add({ operationId: "getLabel", response: { status: 404 } }))[0]!.message).toMatch(/is required: the 404 response of getLabel has a application\/json body/);
    expect(rejection(() => stubs.add({ operationId: "updateLabel", response: { status: 200, body: "OK", headers: { "Content-Type": "application/json" } } }))[0]!.message).toMatch(
      /must be text\/plain for the 200 response \(got application\/json\)/,
    );
    // A 4xx the operation does not list falls under its default error response.
    expect(stubs.add({ operationId: "listLabels", response: { status: 429, body: { success: false, error: "slow down" } } }).id).toBe("stub-1");
  });

  it("are refused with every problem of a malformed definition", () => {
    const stubs = createStubs({ spec });
    expect(rejection(() => stubs.add({ operationId: "nope", response: { status: 200 } } as any))).toEqual([
      { location: "stub", path: "/operationId", message: '"nope" is not an operation of the contract' },
    ]);
    const paths = rejection(() =>
      stubs.add({ operationId: "getLabel", match: { path: { labelId: 1 }, cookie: {} }, response: { status: 200, body: { id: "a", name: "b" }, delay: 5 }, times: 0 } as any),
    ).map((v) => v.path);
    expect(paths).toEqual(["/match/cookie", "/match/path", "/times", "/response/delay"]);
    expect(rejection(() => stubs.add({ method: "GET", path: "/nowhere", response: { status: 200 } })).map((v) => v.path)).toEqual(["/path"]);
    expect(rejection(() => stubs.add(null as any))[0]!.message).toMatch(/must be an object/);
    expect(rejection(() => stubs.add({ response: { status: 200 } } as any))[0]!.message).toMatch(/operationId, or method and path/);
  });
});
