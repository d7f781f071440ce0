// Contract tests: the real client against a real mock (Prism behind @texterchat/api-mock, with its
// response validation on) for every operation of the spec — the success path, answered from the
// spec's first example, and an error path (an unknown id via `Prefer: code=404`, or input the
// contract forbids) — with typed results. Every response the client receives is checked against
// the contract in one place, an openapi-fetch middleware (`responseCheck`), and the last test
// asserts that it saw every response and no violation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ApiError, operations, WebhookEventName } from "@texterchat/api-types";
import { startMock, type RunningMock } from "@texterchat/api-mock";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { TexterClient } from "../src/index.js";
import { fakeFetch, jsonResponse, responseCheck, TOKEN } from "./helpers.js";

type OperationId = Exclude<keyof operations, WebhookEventName>;
type Result = { data?: unknown; error?: unknown; response: Response };

interface Contract {
  /** A valid, typed call; the mock answers the first example of the success response. */
  ok(client: TexterClient): Promise<Result>;
  /** A call that must fail, and the status it must fail with. */
  fail: { status: 400 | 404; call(client: TexterClient): Promise<Result>; field?: string };
}

const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@texterchat/openapi/openapi.json"), "utf8"));
const notFound = { headers: { Prefer: "code=404" } };
const chat = { params: { path: { chatId: "64de3b15398a8e09c47a9f62" } } };
const template = { params: { path: { accountId: "15550100000", templateName: "inbox_marketing_95" } } };
const label = { params: { path: { labelId: "hot_lead" } } };
const quickReply = { params: { path: { quickReplyId: "6970a1b2c3d4e5f601234567" } } };
const scenario = { params: { path: { scenarioId: "6970b3c1d2e3f40123456789" } } };
/** Sends what the types forbid, to see the mock reject it. */
const invalid = (value: unknown) => value as never;

const contracts: Record<OperationId, Contract> = {
  listTemplates: {
    ok: async (c) => {
      const r = await c.GET("/whatsapp/templates", { params: { query: { includeAll: "true" } } });
      expectTypeOf(r.data).toExtend<{ name: string }[] | undefined>();
      return r;
    },
    fail: { status: 400, field: "includeAll", call: (c) => c.GET("/whatsapp/templates", { params: { query: { includeAll: invalid("maybe") } } }) },
  },
  sendTemplateMessage: {
    ok: async (c) => {
      const r = await c.POST("/whatsapp/templates/send", { body: { templateName: "inbox_marketing_95", to: "15550100123", body: ["Dana"] } });
      expect(r.data?.success).toBe(true);
      return r;
    },
    fail: { status: 400, field: "templateName", call: (c) => c.POST("/whatsapp/templates/send", { body: { templateName: "no spaces allowed", to: "15550100123" } }) },
  },
  createTemplate: {
    ok: (c) => c.POST("/whatsapp/templates/{accountId}", { params: { path: { accountId: "15550100000" } }, body: { title: "Welcome", category: "MARKETING", chatStatus: 1, usage: "inbox" } }),
    fail: { status: 400, field: "category", call: (c) => c.POST("/whatsapp/templates/{accountId}", { params: { path: { accountId: "15550100000" } }, body: { title: "Welcome", category: invalid("PROMO"), chatStatus: 1, usage: "inbox" } }) },
  },
  upsertTemplateLocalization: {
    ok: (c) => c.POST("/whatsapp/templates/{accountId}/{templateName}/localizations", { ...template, body: { language: "en", components: [{ type: "BODY", text: "Hello {{1}}" }] } }),
    fail: { status: 400, field: "components", call: (c) => c.POST("/whatsapp/templates/{accountId}/{templateName}/localizations", { ...template, body: { language: "en", components: [] } }) },
  },
  submitTemplateForApproval: {
    ok: (c) => c.POST("/whatsapp/templates/{accountId}/{templateName}/localizations/{language}/submit", { params: { path: { ...template.params.path, language: "en" } } }),
    fail: { status: 404, call: (c) => c.POST("/whatsapp/templates/{accountId}/{templateName}/localizations/{language}/submit", { params: { path: { ...template.params.path, language: "en" } }, ...notFound }) },
  },
  updateTemplate: {
    ok: (c) => c.PATCH("/whatsapp/templates/{accountId}/{templateName}", { ...template, body: { title: "Updated Template", chatStatus: 3, usage: "bulk" } }),
    fail: { status: 404, call: (c) => c.PATCH("/whatsapp/templates/{accountId}/{templateName}", { ...template, body: { title: "x" }, ...notFound }) },
  },
  deleteTemplate: {
    ok: async (c) => {
      const r = await c.DELETE("/whatsapp/templates/{accountId}/{templateName}", template);
      expectTypeOf(r.data).toEqualTypeOf<"OK" | undefined>();
      return r;
    },
    fail: { status: 404, call: (c) => c.DELETE("/whatsapp/templates/{accountId}/{templateName}", { ...template, ...notFound }) },
  },
  unsubscribeFromTemplates: {
    ok: (c) => c.POST("/whatsapp/templates/unsubscribe", { body: { phone: "15550100123" } }),
    fail: { status: 400, field: "phone", call: (c) => c.POST("/whatsapp/templates/unsubscribe", { body: { phone: "123" } }) },
  },
  resubscribeToTemplates: {
    ok: (c) => c.POST("/whatsapp/templates/subscribe", { body: { phone: "15550100123", accountId: "15550100000" } }),
    fail: { status: 400, field: "phone", call: (c) => c.POST("/whatsapp/templates/subscribe", { body: invalid({}) }) },
  },
  listUnsubscribedUsers: {
    ok: (c) => c.GET("/whatsapp/templates/unsubscribed", { params: { query: { limit: "100", skip: "0" } } }),
    fail: { status: 400, field: "limit", call: (c) => c.GET("/whatsapp/templates/unsubscribed", { params: { query: { limit: "10000" } } }) },
  },
  listUnsubscribedUsersByAccount: {
    ok: (c) => c.GET("/whatsapp/templates/unsubscribed/{accountId}", { params: { path: { accountId: "15550100000" } } }),
    fail: { status: 404, call: (c) => c.GET("/whatsapp/templates/unsubscribed/{accountId}", { params: { path: { accountId: "15550100000" } }, ...notFound }) },
  },
  searchChats: {
    ok: async (c) => {
      const r = await c.GET("/chats/search", { params: { query: { search: "Dana", "statuses[]": ["PENDING", "ASSIGNED"], "labels[]": ["vip"] } } });
      expectTypeOf(r.data?.data).toExtend<{ _id: string }[] | undefined>();
      return r;
    },
    fail: { status: 400, field: "statuses[]", call: (c) => c.GET("/chats/search", { params: { query: { "statuses[]": [invalid("SOLVED")] } } }) },
  },
  getChat: {
    ok: (c) => c.GET("/chats/{chatId}", chat),
    fail: { status: 404, call: (c) => c.GET("/chats/{chatId}", { ...chat, ...notFound }) },
  },
  assignChat: {
    ok: async (c) => {
      const r = await c.POST("/chats/assign", { body: { phone: "15550100123", agentEmail: "dana@example.org" } });
      expectTypeOf(r.data).toEqualTypeOf<"OK" | undefined>();
      return r;
    },
    fail: { status: 400, call: (c) => c.POST("/chats/assign", { body: invalid({ phone: "15550100123", chatId: "c1", agentEmail: "dana@example.org" }) }) },
  },
  resolveChat: {
    ok: (c) => c.POST("/chats/{chatId}/resolve", { ...chat, body: { notifyClient: true } }),
    fail: { status: 404, call: (c) => c.POST("/chats/{chatId}/resolve", { ...chat, body: {}, ...notFound }) },
  },
  updateChatProperties: {
    ok: (c) => c.PATCH("/chats/{chatId}", { ...chat, body: { displayName: "Dana (VIP)", externalBot: true } }),
    fail: { status: 400, field: "externalBot", call: (c) => c.PATCH("/chats/{chatId}", { ...chat, body: { externalBot: invalid("yes") } }) },
  },
  updateChatCrmData: {
    ok: (c) => c.POST("/chats/{chatId}/crm-data", { ...chat, body: { data: { plan: "premium", customer: { lead_id: 641225 } } } }),
    fail: { status: 400, field: "data", call: (c) => c.POST("/chats/{chatId}/crm-data", { ...chat, body: invalid({ crm: {} }) }) },
  },
  manageChatLabels: {
    ok: (c) => c.POST("/chats/{chatId}/labels", { ...chat, body: { add: ["vip", "holiday"] } }),
    fail: { status: 400, call: (c) => c.POST("/chats/{chatId}/labels", { ...chat, body: invalid({ add: ["vip"], remove: ["old"] }) }) },
  },
  getChatMessages: {
    ok: async (c) => {
      const r = await c.GET("/messages/chat/{chatId}", { ...chat, params: { ...chat.params, query: { beforeTime: "1767000000000", beforeId: "6a0f1c2b3d4e5f6071829304", limit: "50" } } });
      const first = r.data?.messages[0];
      if (first && "type" in first && first.type === "text") expectTypeOf(first.text).toEqualTypeOf<string>();
      return r;
    },
    fail: { status: 400, field: "beforeId", call: (c) => c.GET("/messages/chat/{chatId}", { params: { ...chat.params, query: { beforeTime: "1767000000000" } } }) },
  },
  sendMessage: {
    ok: (c) => c.POST("/messages/send/{chatId}", { ...chat, body: { type: "text", text: "Hey there!" } }),
    fail: { status: 400, field: "text", call: (c) => c.POST("/messages/send/{chatId}", { ...chat, body: invalid({ type: "text" }) }) },
  },
  listLabels: {
    ok: (c) => c.GET("/labels", { params: { query: { limit: "50", skip: "0" } } }),
    fail: { status: 400, field: "limit", call: (c) => c.GET("/labels", { params: { query: { limit: "0" } } }) },
  },
  createLabel: {
    ok: (c) => c.POST("/labels", { body: { id: "important", name: "Important!", color: "#a83236" } }),
    fail: { status: 400, field: "color", call: (c) => c.POST("/labels", { body: { id: "important", name: "Important!", color: "red" } }) },
  },
  getLabel: {
    ok: (c) => c.GET("/labels/{labelId}", label),
    fail: { status: 404, call: (c) => c.GET("/labels/{labelId}", { ...label, ...notFound }) },
  },
  updateLabel: {
    ok: (c) => c.PATCH("/labels/{labelId}", { ...label, body: { name: "Message failed to send", color: "#a769ff" } }),
    fail: { status: 404, call: (c) => c.PATCH("/labels/{labelId}", { ...label, body: { name: "x" }, ...notFound }) },
  },
  deleteLabel: {
    ok: (c) => c.DELETE("/labels/{labelId}", label),
    fail: { status: 404, call: (c) => c.DELETE("/labels/{labelId}", { ...label, ...notFound }) },
  },
  generatePublicMediaUrl: {
    ok: (c) => c.POST("/files/share/{fileId}", { params: { path: { fileId: "6900c1eac29d42708adac92f" } }, body: { ttl: 86400 } }),
    fail: { status: 400, field: "ttl", call: (c) => c.POST("/files/share/{fileId}", { params: { path: { fileId: "6900c1eac29d42708adac92f" } }, body: { ttl: 5 } }) },
  },
  listChannelHealthProblems: {
    ok: (c) => c.GET("/channels/health/problems", { params: { query: { severity: "error" } } }),
    fail: { status: 400, field: "severity", call: (c) => c.GET("/channels/health/problems", { params: { query: { severity: invalid("fatal") } } }) },
  },
  resolveChannelHealthProblem: {
    ok: (c) => c.POST("/channels/health/problems/{problemId}/resolve", { params: { path: { problemId: "68cc1241bafffd81d455e788" } } }),
    fail: { status: 404, call: (c) => c.POST("/channels/health/problems/{problemId}/resolve", { params: { path: { problemId: "68cc1241bafffd81d455e788" } }, ...notFound }) },
  },
  listQuickReplies: {
    ok: (c) => c.GET("/quick-replies", { params: { query: { position: "top", hasContentsType: ["text", "media"] } } }),
    fail: { status: 400, field: "position", call: (c) => c.GET("/quick-replies", { params: { query: { position: invalid("side") } } }) },
  },
  createQuickReply: {
    ok: (c) =>
      c.POST("/quick-replies", {
        body: { send: { contents: [{ type: "text", text: "Thanks for reaching out!" }], target: [{ name: "whatsapp", accountId: "15550100000" }] }, display: { position: "top", title: "Greeting" } },
      }),
    fail: { status: 400, field: "send", call: (c) => c.POST("/quick-replies", { body: invalid({ display: { title: "Greeting" } }) }) },
  },
  updateQuickReply: {
    ok: (c) => c.PATCH("/quick-replies/{quickReplyId}", { ...quickReply, body: [{ updateClientMetadata: { aiQuickReply: true } }] }),
    fail: { status: 400, call: (c) => c.PATCH("/quick-replies/{quickReplyId}", { ...quickReply, body: [] }) },
  },
  deleteQuickReply: {
    ok: (c) => c.DELETE("/quick-replies/{quickReplyId}", quickReply),
    fail: { status: 404, call: (c) => c.DELETE("/quick-replies/{quickReplyId}", { ...quickReply, ...notFound }) },
  },
  importSubscription: {
    ok: async (c) => {
      const body = spec.paths["/scenarios/manage/import"].post.requestBody.content["application/json"].examples.chatResolved.value;
      const r = await c.POST("/scenarios/manage/import", { body });
      expect(r.response.status).toBe(201);
      return r;
    },
    fail: { status: 400, field: "asStatus", call: (c) => c.POST("/scenarios/manage/import", { body: invalid({ data: {}, asStatus: "paused" }) }) },
  },
  listSubscriptions: {
    ok: (c) => c.GET("/scenarios/manage", { params: { query: { includeSystem: "false" } } }),
    fail: { status: 400, field: "includeSystem", call: (c) => c.GET("/scenarios/manage", { params: { query: { includeSystem: invalid("no") } } }) },
  },
  inactivateSubscription: {
    ok: (c) => c.POST("/scenarios/manage/{scenarioId}/inactivate", scenario),
    fail: { status: 404, call: (c) => c.POST("/scenarios/manage/{scenarioId}/inactivate", { ...scenario, ...notFound }) },
  },
  activateSubscription: {
    ok: (c) => c.POST("/scenarios/manage/{scenarioId}/activate", scenario),
    fail: { status: 404, call: (c) => c.POST("/scenarios/manage/{scenarioId}/activate", { ...scenario, ...notFound }) },
  },
  deleteSubscription: {
    ok: (c) => c.DELETE("/scenarios/manage/{scenarioId}", scenario),
    fail: { status: 404, call: (c) => c.DELETE("/scenarios/manage/{scenarioId}", { ...scenario, ...notFound }) },
  },
  listScenarioRuns: {
    ok: (c) => c.GET("/scenarios/manage/{scenarioId}/runs", { params: { ...scenario.params, query: { limit: "20" } } }),
    fail: { status: 404, call: (c) => c.GET("/scenarios/manage/{scenarioId}/runs", { ...scenario, ...notFound }) },
  },
  createEmptyScenario: {
    ok: (c) => c.POST("/scenarios/manage", { body: { triggerEvent: "domain.message.created" } }),
    fail: { status: 400, field: "triggerEvent", call: (c) => c.POST("/scenarios/manage", { body: invalid({}) }) },
  },
  copyScenario: {
    ok: (c) => c.POST("/scenarios/manage/{scenarioId}/copy", { ...scenario, body: { fromVersion: 2, newName: "(SUB) All Messages - staging" } }),
    fail: { status: 400, field: "fromVersion", call: (c) => c.POST("/scenarios/manage/{scenarioId}/copy", { ...scenario, body: { fromVersion: invalid("two"), newName: "copy" } }) },
  },
  updateScenarioDraft: {
    ok: (c) => c.PATCH("/scenarios/manage/{scenarioId}/draft", { ...scenario, body: [{ rename: "(SUB) New Incoming Messages v2" }] }),
    fail: { status: 400, call: (c) => c.PATCH("/scenarios/manage/{scenarioId}/draft", { ...scenario, body: invalid([{ rename: "x", setUnorderedActions: true }]) }) },
  },
  deleteScenarioRevision: {
    ok: (c) => c.DELETE("/scenarios/manage/{scenarioId}/revisions/{version}", { params: { path: { ...scenario.params.path, version: "2" } } }),
    fail: { status: 400, field: "version", call: (c) => c.DELETE("/scenarios/manage/{scenarioId}/revisions/{version}", { params: { path: { ...scenario.params.path, version: "v2" } } }) },
  },
};

/** operationId → the first example of its success response, as the spec declares it. */
const firstSuccessExample = new Map<string, unknown>();
for (const item of Object.values(spec.paths) as Record<string, { operationId: string; responses: Record<string, { $ref?: string; content?: Record<string, { examples: Record<string, { value: unknown }> }> }> }>[]) {
  for (const op of Object.values(item)) {
    if (!op.operationId) continue; // path-level `parameters`
    const [, response] = Object.entries(op.responses).find(([status]) => status.startsWith("2"))!;
    const resolved = response.$ref ? spec.components.responses[response.$ref.split("/").pop()!] : response;
    const media = Object.values(resolved.content as Record<string, { examples: Record<string, { value: unknown }> }>)[0]!;
    firstSuccessExample.set(op.operationId, Object.values(media.examples)[0]!.value);
  }
}

const check = responseCheck(spec);
let mock: RunningMock;
let client: TexterClient;
beforeAll(async () => {
  mock = await startMock({ port: 0, validateResponses: true });
  client = check.client({ baseUrl: mock.baseUrl, token: "contract-test-token", retry: false });
});
afterAll(() => mock?.close());

describe("contract coverage", () => {
  it("every operationId of the spec has a contract test, and nothing else does", () => {
    expect(Object.keys(contracts).sort()).toEqual([...firstSuccessExample.keys()].sort());
  });
});

type ContractError = ApiError & { error: string; operationId?: string; violations?: { location: string; path: string; message: string }[] };

describe.each(Object.entries(contracts))("%s", (operationId, contract) => {
  it("succeeds with the spec's first success example, decoded and typed", async () => {
    const { data, error, response } = await contract.ok(client);
    expect(error, JSON.stringify(error)).toBeUndefined();
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expect(data).toEqual(firstSuccessExample.get(operationId));
  });

  it(`fails with ${contract.fail.status} and an error body that says why`, async () => {
    const { data, error, response } = await contract.fail.call(client);
    expect(data).toBeUndefined();
    expect(response.status).toBe(contract.fail.status);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(error).toMatchObject({ success: false, error: expect.any(String) } satisfies ApiError);
    if (contract.fail.status === 400) {
      const { violations, operationId: named } = error as ContractError;
      expect(named).toBe(operationId);
      expect(violations!.length).toBeGreaterThan(0);
      if (contract.fail.field) expect(JSON.stringify(violations)).toContain(contract.fail.field);
    }
  });
});

describe("the mock's own errors, as the client receives them", () => {
  it("401 without a token", async () => {
    const { error, response } = await client.GET("/labels", { headers: { authorization: null } });
    expect(response.status).toBe(401);
    expect((error as ContractError).error).toMatch(/Authorization header .* is missing/);
  });

  it("401 for a token in another scheme", async () => {
    const { error, response } = await client.GET("/chats/{chatId}", { ...chat, headers: { authorization: "Basic dXNlcjpwdw==" } });
    expect(response.status).toBe(401);
    expect((error as ContractError).violations).toEqual([{ location: "header", path: "Authorization", message: expect.stringContaining("Basic") }]);
  });

  it("400 for a bad body, naming every field", async () => {
    const { error, response } = await client.POST("/labels", { body: invalid({ id: 7, color: "red" }) });
    expect(response.status).toBe(400);
    const paths = (error as ContractError).violations!.map((v) => v.path).sort();
    expect(paths).toEqual(["/color", "/id", "/name"]);
  });

  it("405 for a method the literal path lacks is not sent to the templated one", async () => {
    // PATCH /chats/assign must not be Update Chat Properties with chatId "assign".
    const { error, response } = await client.PATCH("/chats/{chatId}", { params: { path: { chatId: "assign" } }, body: { displayName: "x" } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((error as ContractError).error).toContain("PATCH");
  });
});

describe("the response check", () => {
  const answers: [string, () => Response, (c: TexterClient) => Promise<unknown>, RegExp][] = [
    ["a body that breaks the schema", () => jsonResponse({ total: "2", labels: {} }), (c) => c.GET("/labels"), /GET \/labels → 200: body\/total must be integer/],
    ["a media type the response does not declare", () => new Response("{}", { status: 401, headers: { "content-type": "application/problem+json" } }), (c) => c.GET("/labels"), /media type application\/problem\+json is not declared for 401/],
    ["an undeclared success status", () => jsonResponse({ total: 0, labels: [] }, 201), (c) => c.GET("/labels"), /status 201 is not declared/],
    ["plain text other than OK", () => new Response("DONE", { status: 200, headers: { "content-type": "text/plain" } }), (c) => c.POST("/chats/assign", { body: { phone: "15550100123", agentEmail: "dana@example.org" } }), /POST \/chats\/assign → 200: body \(root\) must be equal to constant/],
    ["an error body with success: true", () => jsonResponse({ success: true }, 404), (c) => c.GET("/labels/{labelId}", label), /GET \/labels\/\{labelId\} → 404: body\/success must be equal to constant/],
  ];

  it.each(answers)("fails on %s", async (_what, answer, call, expected) => {
    const wrong = responseCheck(spec);
    const wrongClient = wrong.client({ baseUrl: "http://mock.test/server/api/v2", token: TOKEN, retry: false, fetch: fakeFetch(answer).fetch });
    await call(wrongClient);
    expect(wrong.seen).toHaveLength(1);
    expect(wrong.violations.join("\n")).toMatch(expected);
  });

  it("passes the same calls answered as the contract says", async () => {
    const right = responseCheck(spec);
    const answers = [jsonResponse({ total: 0, labels: [] }), new Response("OK", { status: 200, headers: { "content-type": "text/plain" } })];
    const rightClient = right.client({ baseUrl: "http://mock.test/server/api/v2", token: TOKEN, retry: false, fetch: fakeFetch((_request, i) => answers[i]!).fetch });
    await rightClient.GET("/labels");
    await rightClient.POST("/chats/assign", { body: { phone: "15550100123", agentEmail: "dana@example.org" } });
    expect(right.seen).toEqual(["GET /labels → 200", "POST /chats/assign → 200"]);
    expect(right.violations).toEqual([]);
  });
});

// Runs last (vitest runs a file's tests in order): everything the mock sent above kept the contract.
describe("every response from the mock", () => {
  const expected = Object.keys(contracts).length * 2 + 4;
  it(`was checked (${expected} responses) and kept the contract`, () => {
    expect(check.requests).toBe(expected);
    expect(check.seen).toHaveLength(expected);
    expect(check.violations).toEqual([]);
  });
});
