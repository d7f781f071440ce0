// The sandbox end to end, through its real fronts: the node:http server (startMock) and the MSW
// handlers (msw's setupServer, in-process). The same flows run on both, through the real client
// (@texterchat/api-client) and a real webhook receiver (node:http on port 0); every answer is
// checked against the contract by the mock (validateResponses) and by the repo's independent check.
import { readFileSync } from "node:fs";
import { createTexterClient, type TexterClient } from "@texterchat/api-client";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMock, type Sandbox } from "../src/index.mjs";
import { createTexterHandlers } from "../src/msw.mjs";
import { BUNDLED_SPEC, contract, startReceiver } from "./support.js";

const DANA = "64de3b15398a8e09c47a9f62"; // a chat of the seed
const ACCOUNT = "15550100000"; // a WhatsApp account of the seed
const TOKENS = { admin: ["*"], reader: ["View quick replies", "View template messages"] };
const TEMPLATES: { id: string; importBody: { data: any; asStatus: string } }[] = JSON.parse(
  readFileSync(new URL("../../../spec/test/fixtures/webhook-subscription-templates.json", import.meta.url), "utf8"),
);

/** Texter's subscription template with the receiver's URL filled in. */
const importBody = (id: string, url: string) => JSON.parse(JSON.stringify(TEMPLATES.find((t) => t.id === id)!.importBody).replaceAll("{{yourWebhookURL}}", url));

/** An independent check of a webhook payload against its schema in the bundled contract. */
const doc = JSON.parse(readFileSync(BUNDLED_SPEC, "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
(ajvFormats as unknown as typeof ajvFormats.default)(ajv);
ajv.addSchema({ ...doc, $id: "e2e:openapi.json" });
function webhookErrors(event: { eventName: string }) {
  const validate = ajv.getSchema(`e2e:openapi.json#/webhooks/${event.eventName}/post/requestBody/content/application~1json/schema`)!;
  return validate(event) ? [] : validate.errors;
}

interface Front {
  baseUrl: string;
  /** The origin's /__admin base URL. */
  adminUrl: string;
  sandbox: Sandbox;
}

/** The flows of issue 10, against one front. */
function sandboxFlows(name: string, open: () => Promise<Front & { close(): Promise<void> }>) {
  describe(name, () => {
    let front: Front & { close(): Promise<void> };
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let texter: TexterClient;
    /** The last answer the client got, read before the client consumes it. */
    let last: Response;
    const fetchSeen = async (input: Request | string, init?: RequestInit) => {
      const response = await globalThis.fetch(input, init);
      last = response.clone();
      return response;
    };
    const admin = (path: string, init: RequestInit = {}) => fetch(`${front.adminUrl}${path}`, { ...init, headers: { "Content-Type": "application/json", ...init.headers } });
    /** Every answer of the client, checked by the independent contract check. */
    const checked = async <T extends { response: Response }>(result: Promise<T>, method: string, template: string) => {
      const done = await result;
      expect(last.status).toBe(done.response.status);
      expect(contract.check({ method, path: template, status: last.status, contentType: last.headers.get("content-type"), body: await last.text() })).toEqual([]);
      return done;
    };

    beforeAll(async () => {
      receiver = await startReceiver(204);
      front = await open();
      texter = createTexterClient({ baseUrl: front.baseUrl, token: "admin", fetch: fetchSeen });
    });
    afterAll(async () => {
      await front.close();
      await receiver.close();
    });
    beforeEach(async () => {
      await front.sandbox.reset();
      receiver.received.length = 0;
    });

    it("labels: create → get → delete → 404", async () => {
      expect((await checked(texter.POST("/labels", { body: { id: "vip_gold", name: "VIP Gold" } }), "post", "/labels")).response.status).toBe(200);
      const got = await checked(texter.GET("/labels/{labelId}", { params: { path: { labelId: "vip_gold" } } }), "get", "/labels/{labelId}");
      expect(got.data).toEqual({ id: "vip_gold", name: "VIP Gold", color: "#555555" });
      expect((await checked(texter.DELETE("/labels/{labelId}", { params: { path: { labelId: "vip_gold" } } }), "delete", "/labels/{labelId}")).data).toBe("OK");
      const gone = await checked(texter.GET("/labels/{labelId}", { params: { path: { labelId: "vip_gold" } } }), "get", "/labels/{labelId}");
      expect(gone.response.status).toBe(404);
      expect(gone.error).toMatchObject({ success: false, error: expect.stringContaining("vip_gold") });
    });

    it("quick replies: create → listed → delete → 404", async () => {
      const body = { send: { contents: [{ type: "text" as const, text: "See you soon" }], target: [{ name: "whatsapp" as const, accountId: ACCOUNT }] }, display: { position: "top" as const, title: "Bye" } };
      const created = await checked(texter.POST("/quick-replies", { body }), "post", "/quick-replies");
      const id = created.data!._id;
      const listed = await checked(texter.GET("/quick-replies", {}), "get", "/quick-replies");
      expect(listed.data!.quickReplies.map((r) => r._id)).toContain(id);
      const path = { params: { path: { quickReplyId: id } } };
      expect((await checked(texter.DELETE("/quick-replies/{quickReplyId}", path), "delete", "/quick-replies/{quickReplyId}")).data).toEqual({ success: true });
      expect((await checked(texter.GET("/quick-replies", {}), "get", "/quick-replies")).data!.quickReplies.map((r) => r._id)).not.toContain(id);
      expect((await checked(texter.DELETE("/quick-replies/{quickReplyId}", path), "delete", "/quick-replies/{quickReplyId}")).response.status).toBe(404);
    });

    it("templates: create → listed → delete → 404", async () => {
      const created = await checked(
        texter.POST("/whatsapp/templates/{accountId}", { params: { path: { accountId: ACCOUNT } }, body: { title: "Spring", category: "MARKETING", chatStatus: 1, usage: "inbox" } }),
        "post",
        "/whatsapp/templates/{accountId}",
      );
      const templateName = created.data!.name;
      const names = async () => (await checked(texter.GET("/whatsapp/templates", { params: { query: { includeAll: "true" } } }), "get", "/whatsapp/templates")).data!.map((t) => t.name);
      expect(await names()).toContain(templateName);
      const path = { params: { path: { accountId: ACCOUNT, templateName } } };
      expect((await checked(texter.DELETE("/whatsapp/templates/{accountId}/{templateName}", path), "delete", "/whatsapp/templates/{accountId}/{templateName}")).data).toBe("OK");
      expect(await names()).not.toContain(templateName);
      expect((await checked(texter.DELETE("/whatsapp/templates/{accountId}/{templateName}", path), "delete", "/whatsapp/templates/{accountId}/{templateName}")).response.status).toBe(404);
    });

    it("subscriptions: import → listed → delete → 404", async () => {
      const imported = await checked(texter.POST("/scenarios/manage/import", { body: importBody("sub-chat-resolved", receiver.url) }), "post", "/scenarios/manage/import");
      expect(imported.response.status).toBe(201);
      const scenarioId = imported.data!._id;
      const ids = async () => (await checked(texter.GET("/scenarios/manage", {}), "get", "/scenarios/manage")).data!.scenarios.map((s) => s._id);
      expect(await ids()).toContain(scenarioId);
      const path = { params: { path: { scenarioId } } };
      expect((await checked(texter.DELETE("/scenarios/manage/{scenarioId}", path), "delete", "/scenarios/manage/{scenarioId}")).data).toEqual({ success: true });
      expect(await ids()).not.toContain(scenarioId);
      expect((await checked(texter.DELETE("/scenarios/manage/{scenarioId}", path), "delete", "/scenarios/manage/{scenarioId}")).response.status).toBe(404);
    });

    it("a resolve delivers chatResolved, valid against its webhook schema, and the journal records the delivery", async () => {
      await texter.POST("/scenarios/manage/import", { body: importBody("sub-chat-resolved", receiver.url) });
      const resolved = await checked(texter.POST("/chats/{chatId}/resolve", { params: { path: { chatId: DANA } } }), "post", "/chats/{chatId}/resolve");
      expect(resolved.response.status).toBe(200);
      await front.sandbox.webhooksIdle();
      const events = receiver.received.map((r) => JSON.parse(r.body));
      expect(events.map((e) => [e.eventName, e.eventData.chat._id])).toEqual([["chatResolved", DANA]]);
      expect(webhookErrors(events[0])).toEqual([]);
      expect(webhookErrors({ ...events[0], eventData: { chat: { _id: 5 } } })).not.toEqual([]); // the check can fail
      expect((await front.sandbox.webhooks()).filter((w) => w.url === receiver.url).map((w) => [w.eventName, w.status, w.attempt])).toEqual([["chatResolved", 204, 1]]);
    });

    it("a simulated incoming message delivers newIncomingMessage", async () => {
      await texter.POST("/scenarios/manage/import", { body: importBody("sub-new-incoming-messages", receiver.url) });
      const simulated = await admin("/simulate/incoming-message", { method: "POST", body: JSON.stringify({ chatId: DANA, text: "Is my order on its way?" }) });
      expect(simulated.status).toBe(200);
      await front.sandbox.webhooksIdle();
      const events = receiver.received.map((r) => JSON.parse(r.body));
      expect(events.map((e) => [e.eventName, e.eventData.message.text])).toEqual([["newIncomingMessage", "Is my order on its way?"]]);
      expect(webhookErrors(events[0])).toEqual([]);
    });

    it("a send's status advances on the clock, delivering messageStatusChanged; simulations refuse bad input", async () => {
      await texter.POST("/scenarios/manage/import", { body: importBody("sub-message-status-changed", receiver.url) });
      const sent = await checked(texter.POST("/messages/send/{chatId}", { params: { path: { chatId: DANA } }, body: { type: "text", text: "On its way" } }), "post", "/messages/send/{chatId}");
      const message = (sent.data as { messages: { _id: string }[] }).messages[0]!;
      const before = front.sandbox.clock.now();
      expect(await front.sandbox.clock.advance(5000)).toBeGreaterThanOrEqual(before + 5000);
      await front.sandbox.webhooksIdle();
      const statuses = receiver.received.map((r) => JSON.parse(r.body)).filter((e) => e.eventName === "messageStatusChanged");
      expect(statuses.map((e) => e.eventData.messageStatus)).toEqual([2, 3]); // Delivered, Seen
      for (const event of statuses) expect(webhookErrors(event)).toEqual([]);
      await front.sandbox.setMessageStatus(message._id, 4, "rejected by the network");
      await expect(front.sandbox.setMessageStatus(message._id, 9)).rejects.toThrow(/status/);
      await expect(front.sandbox.simulateIncomingMessage({ chatId: "0000000000000000000000ff", text: "x" })).rejects.toThrow(/not found/);
    });

    it("an off-contract stub is refused naming the field; a valid one wins over the world", async () => {
      const refused = await admin("/stubs", { method: "POST", body: JSON.stringify({ operationId: "getLabel", response: { status: 200, body: { id: "vip", color: "red" } } }) });
      expect(refused.status).toBe(400);
      const answer = await refused.json();
      expect(answer.violations.map((v: any) => v.path)).toEqual(["/response/body/name", "/response/body/color"]);
      expect(answer.error).toMatch(/\/response\/body\/name: is required/);
      await expect(front.sandbox.stub("getLabel", { response: { status: 200, body: { id: "vip", name: 7 as unknown as string } } })).rejects.toThrow(/\/response\/body\/name: must be string/);
      await front.sandbox.stub("getLabel", { match: { path: { labelId: "hot_lead" } }, response: { status: 404, body: { success: false, error: "stubbed away" } }, times: 1 });
      expect((await texter.GET("/labels/{labelId}", { params: { path: { labelId: "hot_lead" } } })).error).toEqual({ success: false, error: "stubbed away" });
      expect((await texter.GET("/labels/{labelId}", { params: { path: { labelId: "hot_lead" } } })).response.status).toBe(200);
    });

    it("a token without Manage labels gets 403 on Create Label naming the scope; an unknown token 401", async () => {
      const reader = createTexterClient({ baseUrl: front.baseUrl, token: "reader", retry: false, fetch: fetchSeen });
      const refused = await checked(reader.POST("/labels", { body: { id: "x", name: "x" } }), "post", "/labels");
      expect(refused.response.status).toBe(403);
      expect(refused.error).toMatchObject({ success: false, error: expect.stringContaining('"Manage labels"'), missingScopes: ["Manage labels"] });
      expect((await reader.GET("/quick-replies", {})).response.status).toBe(200);
      const stranger = createTexterClient({ baseUrl: front.baseUrl, token: "stranger" });
      expect((await stranger.GET("/quick-replies", {})).response.status).toBe(401);
    });

    it("the journal returns exactly what was sent", async () => {
      const bodies = [{ id: "a1", name: "Alpha" }, { id: "b2", name: "Beta", color: "#123456" }];
      for (const body of bodies) await texter.POST("/labels", { body });
      await texter.GET("/labels", { params: { query: { limit: "1", skip: "1" } } });
      const created = await front.sandbox.requests({ operationId: "createLabel" });
      expect(created.map((e) => [e.method, e.path, e.body, e.status, e.headers.authorization])).toEqual(bodies.map((body) => ["POST", "/server/api/v2/labels", body, 200, "Bearer ***"]));
      expect((await front.sandbox.requests({ operationId: "listLabels" })).map((e) => e.query)).toEqual([{ limit: "1", skip: "1" }]);
      const listed = await (await admin("/requests?operationId=createLabel")).json();
      expect(listed.entries.map((e: any) => e.body)).toEqual(bodies);
      expect(JSON.stringify(listed)).not.toContain("Bearer admin");
    });

    it("bad admin input gets a 400 saying what is wrong, and nothing breaks a later request", async () => {
      const bad: [string, RequestInit, RegExp][] = [
        ["/stubs", { method: "POST", body: "{not json" }, /not valid JSON/],
        ["/stubs", { method: "POST", body: JSON.stringify({ operationId: "noSuchOperation", response: { status: 200 } }) }, /noSuchOperation/],
        ["/requests?since=yesterday", {}, /since/],
        ["/clock", { method: "POST", body: JSON.stringify({ advanceMs: -5 }) }, /advanceMs/],
        ["/simulate/incoming-message", { method: "POST", body: JSON.stringify({ text: "no chat" }) }, /chatId/],
        ["/simulate/message-status", { method: "POST", body: JSON.stringify({ messageId: "nope", status: "seen" }) }, /status/],
        ["/reset", { method: "POST", body: "[1, 2" }, /JSON/],
      ];
      for (const [path, init, why] of bad) {
        const answer = await admin(path, init);
        expect(answer.status, path).toBe(400);
        expect((await answer.json()).error, path).toMatch(why);
      }
      expect((await admin("/nowhere")).status).toBe(404);
      expect((await admin("/stubs", { method: "PUT" })).status).toBe(405);
      expect((await texter.GET("/labels", {})).response.status).toBe(200);
      expect((await texter.POST("/labels", { body: { id: "after", name: "After" } })).response.status).toBe(200);
      expect((await admin("/stubs")).status).toBe(200);
    });
  });
}

sandboxFlows("the texter-mock server (startMock)", async () => {
  const mock = await startMock({ port: 0, stateful: true, validateResponses: true, tokens: TOKENS, retryDelays: [] });
  return { baseUrl: mock.baseUrl, adminUrl: mock.adminUrl, sandbox: mock, close: () => mock.close() };
});

sandboxFlows("the MSW handlers (setupServer, in-process)", async () => {
  const texter = await createTexterHandlers({ stateful: true, tokens: TOKENS, retryDelays: [] });
  const server = setupServer(...texter.handlers);
  // Deliveries to the local receiver are not the API's: msw lets them through.
  server.listen({ onUnhandledRequest: "bypass" });
  return {
    baseUrl: texter.baseUrl,
    adminUrl: `${new URL(texter.baseUrl).origin}/__admin`,
    sandbox: texter,
    close: async () => {
      server.close();
      await texter.close();
    },
  };
});

describe("createTexterHandlers options", () => {
  it("refuses a baseUrl that is not an absolute http(s) URL, saying so", async () => {
    await expect(createTexterHandlers({ baseUrl: "demo.texterchat.com/server/api/v2" })).rejects.toThrow(/baseUrl must be an absolute http\(s\) URL .*got "demo\.texterchat\.com/);
    await expect(createTexterHandlers({ baseUrl: "ftp://demo.texterchat.com/" })).rejects.toThrow(/baseUrl/);
  });

  it("answers below any base path, mapped onto the API's, and only there", async () => {
    const texter = await createTexterHandlers({ baseUrl: "http://texter.internal:8080/proxy/texter/" });
    const server = setupServer(...texter.handlers);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const client = createTexterClient({ baseUrl: texter.baseUrl, token: "ci" });
      expect(texter.baseUrl).toBe("http://texter.internal:8080/proxy/texter");
      expect((await client.GET("/labels", {})).response.status).toBe(200);
      expect((await texter.requests({ operationId: "listLabels" })).map((e) => e.path)).toEqual(["/server/api/v2/labels"]);
      await expect(fetch("http://texter.internal:8080/server/api/v2/labels")).rejects.toThrow(); // outside the base URL: not handled
    } finally {
      server.close();
      await texter.close();
    }
  });
});
