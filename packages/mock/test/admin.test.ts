import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { adminDocument, adminValidator, createAdmin } from "../src/core/admin.mjs";
import { describe as describeError } from "../src/core/contract.mjs";
import { createJournal } from "../src/core/journal.mjs";
import { createStubs } from "../src/core/stubs.mjs";
import { worldHarness } from "./world-support.js";

const MOCK_DIR = fileURLToPath(new URL("..", import.meta.url));
type Answer = { status: number; contentType: string; body: any; headers?: Record<string, string> };

/** What is wrong with an answer under admin-openapi.yaml (status declared, body valid). */
function violations(method: string, path: string, answer: Answer): string[] {
  const operation = adminDocument().paths[path]?.[method.toLowerCase()];
  if (!operation) return [`${method} ${path} is not in admin-openapi.yaml`];
  if (!(String(answer.status) in operation.responses)) return [`${answer.status} is not declared for ${method} ${path}`];
  if (answer.contentType !== "application/json") return [`content type ${answer.contentType}`];
  const pointer = `/paths/${path.replaceAll("/", "~1")}/${method.toLowerCase()}/responses/${answer.status}`;
  let response = operation.responses[answer.status];
  let schemaAt = `${pointer}/content/application~1json/schema`;
  if (response.$ref) {
    schemaAt = `${response.$ref.slice(1)}/content/application~1json/schema`;
    response = adminDocument().components.responses[response.$ref.split("/").pop()];
  }
  if (response.headers?.Allow && !answer.headers?.Allow) return ["no Allow header"];
  const validate = adminValidator(schemaAt)!;
  return validate(answer.body) ? [] : validate.errors!.map((e: any) => `${e.instancePath || "/"} ${describeError(e)}`);
}

function setup({ stateful = true } = {}) {
  const harness = worldHarness();
  const journal = createJournal();
  const stubs = createStubs({ spec: harness.spec });
  const { handleAdmin } = createAdmin({ journal, stubs, ...(stateful && { world: harness.world }) });
  /** Calls the admin API and checks the answer against its document. */
  const admin = (method: string, path: string, body?: unknown, query: Record<string, string> = {}) => {
    const answer = handleAdmin({ method, path, query, body: typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body) }) as Answer;
    expect(violations(method, path.replace(/\/$/, ""), answer), `${method} ${path} → ${answer.status}`).toEqual([]);
    return answer;
  };
  return { ...harness, journal, stubs, admin, handleAdmin };
}

describe("admin API document", () => {
  it("is lint-clean with redocly (recommended rules, no warnings)", async () => {
    const { stdout, stderr } = await promisify(execFile)(fileURLToPath(new URL("../../../node_modules/.bin/redocly", import.meta.url)), ["lint", "admin", "--format", "stylish"], {
      cwd: MOCK_DIR,
    });
    const output = `${stdout}${stderr}`;
    expect(output).toMatch(/Woohoo! Your API description is valid/);
    expect(output).not.toMatch(/\d+ warnings?\b/);
  });

  it("the answer check can fail", () => {
    expect(violations("GET", "/__admin/requests", { status: 200, contentType: "application/json", body: { total: 1, entries: [{ kind: "request" }] } })).not.toEqual([]);
    expect(violations("POST", "/__admin/reset", { status: 201, contentType: "application/json", body: {} })).toEqual(["201 is not declared for POST /__admin/reset"]);
  });
});

describe("admin API", () => {
  it("journal: lists with filters and clears", () => {
    const { admin, journal } = setup();
    journal.record({ time: "2026-01-01T00:00:00.000Z", method: "GET", path: "/server/api/v2/labels", headers: { authorization: "Bearer t" }, operationId: "listLabels", status: 200 });
    journal.record({ method: "POST", path: "/server/api/v2/labels", body: { id: "a", name: "b" }, operationId: "createLabel", status: 200 });
    journal.recordDelivery({ url: "http://127.0.0.1:1/h", eventName: "chatResolved", attempt: 1, status: 200, final: true });
    expect(admin("GET", "/__admin/requests").body.total).toBe(3);
    expect(admin("GET", "/__admin/requests", undefined, { operationId: "createLabel" }).body.entries.map((e: any) => e.body)).toEqual([{ id: "a", name: "b" }]);
    expect(admin("GET", "/__admin/requests", undefined, { since: "2026-01-02T00:00:00Z" }).body.total).toBe(2);
    expect(admin("GET", "/__admin/requests", undefined, { kind: "webhook" }).body.entries[0].eventName).toBe("chatResolved");
    expect(admin("DELETE", "/__admin/requests").body).toEqual({ deleted: 3 });
    expect(admin("GET", "/__admin/requests/").body.total).toBe(0);
  });

  it("stubs: an off-contract stub is refused naming the field; good ones are listed and cleared", () => {
    const { admin, stubs } = setup();
    const refused = admin("POST", "/__admin/stubs", { operationId: "getLabel", response: { status: 200, body: { id: "vip", name: 7 } } });
    expect(refused.status).toBe(400);
    expect(refused.body.violations).toEqual([{ location: "stub", path: "/response/body/name", message: "must be string (got 7)" }]);
    expect(refused.body.error).toMatch(/\/response\/body\/name: must be string/);
    const added = admin("POST", "/__admin/stubs", { operationId: "getLabel", response: { status: 200, body: { id: "vip", name: "VIP" } }, times: 2 });
    expect(added).toMatchObject({ status: 201, body: { id: "stub-1", operationId: "getLabel", times: 2 } });
    expect(admin("GET", "/__admin/stubs").body.stubs).toHaveLength(1);
    expect(stubs.list()).toHaveLength(1);
    expect(admin("DELETE", "/__admin/stubs").body).toEqual({ deleted: 1 });
    expect(admin("GET", "/__admin/stubs").body.stubs).toEqual([]);
  });

  it("reset restores the seed, removes stubs and clears the journal", () => {
    const { admin, call, journal } = setup();
    call("deleteLabel", { pathParams: { labelId: "hot_lead" } });
    admin("POST", "/__admin/stubs", { operationId: "listLabels", response: { status: 200, body: { total: 0, labels: [] } } });
    journal.record({ method: "GET", path: "/x", status: 404 });
    expect(admin("POST", "/__admin/reset").body).toEqual({ success: true });
    expect(call("getLabel", { pathParams: { labelId: "hot_lead" } }).status).toBe(200);
    expect(admin("GET", "/__admin/stubs").body.stubs).toEqual([]);
    expect(journal.size).toBe(0);
  });

  it("clock, incoming message, message status and channel problem drive the world", () => {
    const { admin, call, events, clock } = setup();
    expect(admin("GET", "/__admin/clock").body).toEqual({ now: clock.now(), time: new Date(clock.now()).toISOString() });
    const sent = call("sendMessage", { pathParams: { chatId: "64de3b15398a8e09c47a9f62" }, body: { type: "text", text: "hi" } }).body.messages[0];
    expect(admin("POST", "/__admin/clock", { advanceMs: 1000 }).body.now).toBe(clock.now());
    expect(events.filter((e) => e.eventName === "messageStatusChanged").map((e) => e.eventData.messageStatus)).toEqual([2]);
    expect(admin("POST", "/__admin/simulate/message-status", { messageId: sent._id, status: 5, error: "channel down" }).body).toEqual({ success: true });
    expect(events.at(-1)).toMatchObject({ eventName: "messageFailed", eventData: { error: "channel down" } });
    const backwards = admin("POST", "/__admin/simulate/message-status", { messageId: sent._id, status: 3 });
    expect(backwards).toMatchObject({ status: 400, body: { success: false, error: expect.stringMatching(/already ended/) } });
    expect(admin("POST", "/__admin/simulate/message-status", { messageId: "0000000000000000000000ff", status: 2 }).status).toBe(404);
    const incoming = admin("POST", "/__admin/simulate/incoming-message", { chatId: "64de3b15398a8e09c47a9f62", text: "Where is my order?" });
    expect(incoming.body).toMatchObject({ direction: "incoming", text: "Where is my order?" });
    expect(events.some((e) => e.eventName === "newIncomingMessage" && e.eventData.message._id === incoming.body._id)).toBe(true);
    expect(admin("POST", "/__admin/simulate/incoming-message", { chatId: "0000000000000000000000ff", text: "x" }).status).toBe(404);
    const problem = admin("POST", "/__admin/simulate/channel-problem", { accountId: "15550100000", severity: "warning" });
    expect(problem.body).toMatchObject({ accountId: "15550100000", severity: "warning" });
    expect(call("listChannelHealthProblems", { query: { severity: "warning" } }).body.problems.map((p: any) => p._id)).toContain(problem.body._id);
  });

  it("answers 400 saying what is wrong with bad input", () => {
    const { admin } = setup();
    const cases: [string, string, unknown, Record<string, string>, RegExp][] = [
      ["POST", "/__admin/stubs", "{ nope", {}, /body is not valid JSON/],
      ["POST", "/__admin/stubs", undefined, {}, /body \(root\) is required/],
      ["POST", "/__admin/stubs", { operationId: "getLabel" }, {}, /must have the property "response"/],
      ["POST", "/__admin/clock", { advanceMs: -5 }, {}, /\/advanceMs must be >= 0/],
      ["POST", "/__admin/clock", { advanceMs: "5s" }, {}, /\/advanceMs must be integer/],
      ["POST", "/__admin/simulate/incoming-message", { chatId: "c" }, {}, /must have at least one of: text, media/],
      ["POST", "/__admin/simulate/incoming-message", { chatId: "c", text: "x", sender: "me" }, {}, /must not have the property "sender"/],
      ["POST", "/__admin/simulate/message-status", { messageId: "m", status: 9 }, {}, /\/status must be <= 6/],
      ["POST", "/__admin/simulate/channel-problem", { accountId: "1", severity: "fatal" }, {}, /\/severity must be one of "error", "warning"/],
      ["GET", "/__admin/requests", undefined, { since: "yesterday" }, /query since must match pattern/],
      ["GET", "/__admin/requests", undefined, { since: "2026-13-45T00:00:00Z" }, /since must be an ISO 8601 date-time/],
      ["GET", "/__admin/requests", undefined, { kind: "both" }, /query kind must be one of "request", "webhook"/],
      ["GET", "/__admin/requests", undefined, { operation: "x" }, /query operation is not a parameter of GET \/__admin\/requests/],
    ];
    for (const [method, path, body, query, message] of cases) {
      const answer = admin(method, path, body, query);
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)} ${JSON.stringify(query)}`).toBe(400);
      expect(answer.body.error).toMatch(message);
    }
  });

  it("answers 404 for an unknown path, 405 with Allow for a wrong method, 409 without the world", () => {
    const { handleAdmin } = setup();
    expect(handleAdmin({ method: "GET", path: "/__admin/nothing" })).toMatchObject({ status: 404, body: { success: false, error: expect.stringMatching(/\/__admin\/stubs/) } });
    const wrong = handleAdmin({ method: "PUT", path: "/__admin/stubs", body: "{}" });
    expect(wrong).toEqual({ status: 405, contentType: "application/json", body: { success: false, error: "/__admin/stubs takes GET, POST, DELETE, not PUT" }, headers: { Allow: "GET, POST, DELETE" } });
    const { admin } = setup({ stateful: false });
    expect(admin("POST", "/__admin/clock", { advanceMs: 1 })).toMatchObject({ status: 409, body: { error: expect.stringMatching(/--stateful/) } });
    expect(admin("POST", "/__admin/reset").status).toBe(200); // stubs and journal reset without a world
  });

  it("nothing it does breaks a later request", () => {
    const { handleAdmin, world, admin } = setup();
    const advance = world.advanceClock;
    world.advanceClock = () => {
      throw new Error("boom");
    };
    expect(handleAdmin({ method: "POST", path: "/__admin/clock", body: '{"advanceMs":1}' })).toMatchObject({ status: 500, body: { success: false, error: "The admin API failed: boom" } });
    world.advanceClock = advance;
    expect(admin("POST", "/__admin/clock", { advanceMs: 1 }).status).toBe(200);
    expect(handleAdmin({ method: "POST", path: "/__admin/stubs", body: new TextEncoder().encode('{"operationId":"listLabels","response":{"status":200,"body":{"total":0,"labels":[]}}}') }).status).toBe(201);
  });
});
