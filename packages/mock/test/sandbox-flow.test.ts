// The core modules composed the way the pipeline wires them (route → scopes → validate → stub? →
// world? → journal, world events → dispatcher → journal), with a real webhook receiver: proof that
// their interfaces fit and that the wiring is a few lines.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createAdmin } from "../src/core/admin.mjs";
import { answerViolations } from "../src/core/contract.mjs";
import { createDispatcher } from "../src/core/dispatcher.mjs";
import { createJournal } from "../src/core/journal.mjs";
import { createScopeCheck, parseTokens } from "../src/core/scopes.mjs";
import { createStubs } from "../src/core/stubs.mjs";
import { validateRequest } from "../src/validate.mjs";
import { worldHarness } from "./world-support.js";

const received: any[] = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk));
  req.on("end", () => {
    received.push(JSON.parse(body));
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const HOOK = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

const { spec, world } = worldHarness();
const journal = createJournal();
const stubs = createStubs({ spec });
const dispatcher = createDispatcher({ spec, report: (delivery) => journal.recordDelivery(delivery), retryDelays: [] });
world.onEvent((event, targets) => dispatcher.deliver(event, targets));
const scopes = createScopeCheck({ spec, tokens: parseTokens({ admin: ["*"], reader: ["View quick replies"] }, spec) });
const { handleAdmin } = createAdmin({ journal, stubs, world });
afterAll(async () => {
  await dispatcher.close();
  await new Promise((resolve) => receiver.close(resolve));
});

/** A request through the core, as the pipeline will run it. */
function serve(method: string, path: string, { token = "admin", body, query = "" }: { token?: string; body?: unknown; query?: string } = {}): { status: number; body?: any } {
  const { operation, pathParams } = spec.match(method.toLowerCase(), path);
  const search = new URLSearchParams(query);
  const raw = body === undefined ? "" : JSON.stringify(body);
  const answer = (() => {
    const refused = scopes.check(operation, token);
    if (refused) return refused;
    const invalid = validateRequest(spec, operation, { pathParams, query: search, headers: raw ? { "content-type": "application/json" } : {}, body: raw });
    if (invalid) return { status: invalid.status, contentType: "application/json", body: { success: false, error: "invalid request", violations: invalid.violations } };
    const request = { pathParams, query: search, body };
    return stubs.match(operation, request) ?? world.handle(operation, request) ?? { status: 501, contentType: "application/json", body: { success: false, error: "examples" } };
  })();
  journal.record({ method, path, query: search, headers: { authorization: `Bearer ${token}` }, body, operationId: operation.operationId, status: answer.status });
  expect(answerViolations(spec, operation, answer)).toEqual([]);
  return answer;
}

describe("the core, composed", () => {
  it("create → get → delete → 404, and the journal returns exactly what was sent", () => {
    expect(serve("POST", "/labels", { body: { id: "vip_gold", name: "VIP Gold" } }).status).toBe(200);
    expect(serve("GET", "/labels/vip_gold").body).toEqual({ id: "vip_gold", name: "VIP Gold", color: "#555555" });
    expect(serve("DELETE", "/labels/vip_gold").body).toBe("OK");
    expect(serve("GET", "/labels/vip_gold")).toMatchObject({ status: 404, body: { success: false } });
    const sent = journal.list({ operationId: "createLabel" });
    expect(sent.map((e: any) => [e.method, e.path, e.body, e.headers.authorization])).toEqual([["POST", "/labels", { id: "vip_gold", name: "VIP Gold" }, "Bearer ***"]]);
  });

  it("a token without Manage labels gets 403 naming it; a stub wins over the world", () => {
    expect(serve("POST", "/labels", { token: "reader", body: { id: "x", name: "x" } }).body.missingScopes).toEqual(["Manage labels"]);
    handleAdmin({ method: "POST", path: "/__admin/stubs", body: JSON.stringify({ operationId: "getLabel", match: { path: { labelId: "hot_lead" } }, response: { status: 404, body: { success: false, error: "stubbed" } }, times: 1 }) });
    expect(serve("GET", "/labels/hot_lead").body.error).toBe("stubbed");
    expect(serve("GET", "/labels/hot_lead").status).toBe(200);
  });

  it("a resolve delivers chatResolved to the imported subscription, recorded in the journal", async () => {
    const data = {
      version: "v1",
      name: "(SUB) Chat Resolved",
      triggerEvents: ["domain.chat.resolved"],
      actions: [{ name: "request", params: { url: HOOK, method: "post", json: true, data: { eventName: "chatResolved", eventData: { chat: { "##provide": { provider: "chat", key: "chat" } } } } }, confidentialData: false }],
    };
    expect(serve("POST", "/scenarios/manage/import", { body: { data, asStatus: "active" } }).status).toBe(201);
    serve("POST", "/chats/64de3b15398a8e09c47a9f62/resolve");
    await dispatcher.idle();
    expect(received.map((event) => [event.eventName, event.eventData.chat._id])).toEqual([["chatResolved", "64de3b15398a8e09c47a9f62"]]);
    expect(journal.list({ kind: "webhook" }).filter((e: any) => e.url === HOOK).map((e: any) => [e.eventName, e.status])).toEqual([["chatResolved", 204]]);
  });
});
