import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { MODELLED_OPERATIONS, MESSAGE_STATUS } from "../src/core/world.mjs";
import { createSchedule } from "../src/core/world/messages.mjs";
import { START, worldHarness } from "./world-support.js";

const DANA = "64de3b15398a8e09c47a9f62"; // a chat of the seed (Search Chats example)
const ACCOUNT = "15550100000";
/** A well-formed id (24 hex digits, as Texter's) that no seeded or created object has. */
const UNKNOWN = "0000000000000000000000ff";
const TEMPLATES: { id: string; importBody: { data: any; asStatus: string } }[] = JSON.parse(
  readFileSync(new URL("../../../spec/test/fixtures/webhook-subscription-templates.json", import.meta.url), "utf8"),
);
/** Texter's subscription template with the receiver's URL (and its placeholders) filled in. */
function importBody(id: string, url: string, fill: Record<string, string> = {}) {
  const template = TEMPLATES.find((t) => t.id === id)!;
  let text = JSON.stringify(template.importBody).replaceAll("{{yourWebhookURL}}", url);
  for (const [name, value] of Object.entries(fill)) text = text.replaceAll(`{{${name}}}`, value);
  return JSON.parse(text);
}

const harness = worldHarness();
const { call, world, events, targets } = harness;
const named = (name: string) => events.filter((e) => e.eventName === name);

afterAll(() => {
  // Every operation the world models was driven (and each answer checked) in this file, and
  // every webhook event of the contract was fired (and checked against its schema) at least once.
  expect([...MODELLED_OPERATIONS].filter((id) => !harness.driven.has(id))).toEqual([]);
  expect(Object.keys(harness.spec.webhooks).filter((name) => !events.some((e) => e.eventName === name))).toEqual([]);
});

describe("labels", () => {
  it("an answer is a snapshot, and its body is the caller's own", () => {
    const created = call("createLabel", { body: { id: "snapshot", name: "Before" } });
    const listed = call("listLabels");
    call("updateLabel", { pathParams: { labelId: "snapshot" }, body: { name: "After" } });
    expect(created.body.name).toBe("Before");
    expect(listed.body.labels.find((l: any) => l.id === "snapshot").name).toBe("Before");
    created.body.name = "changed by the caller";
    expect(call("getLabel", { pathParams: { labelId: "snapshot" } }).body.name).toBe("After");
    call("deleteLabel", { pathParams: { labelId: "snapshot" } });
  });

  it("create → get → list → update → delete → 404", () => {
    expect(call("createLabel", { body: { id: "important", name: "Important!" } }).body).toEqual({ id: "important", name: "Important!", color: "#555555" });
    expect(call("getLabel", { pathParams: { labelId: "important" } }).body.name).toBe("Important!");
    const list = call("listLabels").body;
    expect(list.total).toBe(3);
    expect(list.labels.map((l: any) => l.id)).toEqual(["hot_lead", "failed_message", "important"]);
    expect(call("listLabels", { query: { skip: "1", limit: "1" } }).body).toEqual({ total: 3, labels: [list.labels[1]] });
    expect(call("updateLabel", { pathParams: { labelId: "important" }, body: { color: "#a83236" } })).toMatchObject({ status: 200, body: "OK" });
    expect(call("getLabel", { pathParams: { labelId: "important" } }).body.color).toBe("#a83236");
    expect(call("deleteLabel", { pathParams: { labelId: "important" } }).status).toBe(200);
    for (const operationId of ["getLabel", "deleteLabel"]) {
      expect(call(operationId, { pathParams: { labelId: "important" } })).toMatchObject({ status: 404, body: { success: false, error: 'Label "important" not found' } });
    }
    expect(call("updateLabel", { pathParams: { labelId: "important" }, body: { name: "x" } }).status).toBe(404);
  });

  it("refuses a duplicate id and the deletion of a system label, saying why", () => {
    expect(call("createLabel", { body: { id: "hot_lead", name: "again" } }).body.error).toMatch(/already exists/);
    const refused = call("deleteLabel", { pathParams: { labelId: "failed_message" } });
    expect(refused).toMatchObject({ status: 400, body: { success: false } });
    expect(refused.body.error).toMatch(/system label/);
  });

  it("does not let a caller change stored state through an answer", () => {
    call("listLabels").body.labels[0].name = "tampered";
    expect(call("getLabel", { pathParams: { labelId: "hot_lead" } }).body.name).toBe("HOT LEAD");
  });
});

describe("quick replies", () => {
  it("create → list with filters → update → delete → 404", () => {
    const created = call("createQuickReply", {
      body: { send: { contents: [{ type: "text", text: "See you soon" }], target: [{ name: "whatsapp", accountId: ACCOUNT }] }, display: { position: "top", title: "Bye" } },
    }).body;
    expect(created.metadata.created).toBe(harness.clock.now());
    expect(call("listQuickReplies").body.total).toBe(3);
    expect(call("listQuickReplies", { query: { sortCreated: "desc", limit: "1" } }).body.quickReplies[0]._id).toBe(created._id);
    expect(call("listQuickReplies", { query: { position: "top", sortTitle: "asc" } }).body.quickReplies.map((r: any) => r.display.title)).toEqual(["Bye", "Greeting"]);
    expect(call("listQuickReplies", { query: { "forChat[id]": UNKNOWN } }).body.total).toBe(2);
    expect(call("listQuickReplies", { query: { hasContentsType: ["media", "location"] } }).body.total).toBe(0);
    const updated = call("updateQuickReply", {
      pathParams: { quickReplyId: created._id },
      body: [{ updateDisplayTitle: null }, { updateClientMetadata: { aiQuickReply: true } }, { updateBetweenMessagesDelay: 500 }],
    }).body;
    expect(updated).toMatchObject({ display: { title: null }, metadata: { client: { aiQuickReply: true } }, send: { betweenMessagesDelay: 500 } });
    expect(call("deleteQuickReply", { pathParams: { quickReplyId: created._id } }).body).toEqual({ success: true });
    expect(call("updateQuickReply", { pathParams: { quickReplyId: created._id }, body: [{ updateDisplayNote: "x" }] }).status).toBe(404);
    expect(call("deleteQuickReply", { pathParams: { quickReplyId: created._id } }).status).toBe(404);
  });
});

describe("templates", () => {
  it("create → localization → submit → update → delete → 404, listed per its filters", () => {
    const created = call("createTemplate", { pathParams: { accountId: ACCOUNT }, body: { title: "Spring", category: "MARKETING", chatStatus: 1, usage: "inbox" } }).body;
    expect(created.name).toMatch(/^inbox_marketing_\d+$/);
    const path = { accountId: ACCOUNT, templateName: created.name };
    const names = (query = {}) => call("listTemplates", { query }).body.map((t: any) => t.name);
    expect(names()).not.toContain(created.name); // only approved templates by default
    expect(names({ includeAll: "true" })).toContain(created.name);
    const components = [{ type: "BODY", text: "How can we help?" }];
    const drafted = call("upsertTemplateLocalization", { pathParams: path, body: { language: "en", components } }).body;
    expect(drafted.localizationDrafts.en).toEqual({ language: "en", components });
    const submitted = call("submitTemplateForApproval", { pathParams: { ...path, language: "en" } }).body;
    expect(submitted.provider_template.localizations).toEqual([expect.objectContaining({ language: "en", status: "REQUESTED", components })]);
    expect(submitted.localizationDrafts).toEqual({});
    expect(call("submitTemplateForApproval", { pathParams: { ...path, language: "en" } }).status).toBe(404);
    const updated = call("updateTemplate", { pathParams: path, body: { title: "Summer", responsibleAgent: "dana.levi@example.org" } }).body;
    expect(updated).toMatchObject({ title: "Summer", responsibleAgent: "dana.levi@example.org" });
    expect(call("deleteTemplate", { pathParams: path })).toMatchObject({ status: 200, body: "OK" });
    expect(call("updateTemplate", { pathParams: path, body: { title: "x" } }).status).toBe(404);
    expect(call("deleteTemplate", { pathParams: path }).status).toBe(404);
    expect(call("upsertTemplateLocalization", { pathParams: path, body: { language: "en", components } }).status).toBe(404);
  });

  it("filters by header and account, and answers 404 for an unknown account", () => {
    expect(call("listTemplates", { query: { hasHeader: "true" } }).body.map((t: any) => t.name)).toEqual(["inbox_marketing_95"]);
    expect(call("listTemplates", { query: { hasHeader: "false" } }).body.map((t: any) => t.name)).toEqual(["bulk_utility_12"]);
    expect(call("listTemplates", { query: { accountId: "15550199999" } }).body).toEqual([]);
    expect(call("createTemplate", { pathParams: { accountId: "15550199999" }, body: { title: "t", category: "UTILITY", chatStatus: 0, usage: "bulk" } }).status).toBe(404);
  });
});

describe("chats", () => {
  it("labels show in Search Chats and its labels[] filter, with label events", () => {
    const search = (labels: string[]) => call("searchChats", { query: { "labels[]": labels } }).body.data.map((c: any) => c._id);
    expect(search(["gold"])).toEqual([]);
    call("manageChatLabels", { pathParams: { chatId: DANA }, body: { add: ["gold"] } });
    expect(search(["gold"])).toEqual([DANA]);
    expect(named("chatLabelsUpdated").at(-1)!.eventData).toMatchObject({ oldLabels: ["vip", "billing"], addedLabels: ["gold"], removedLabels: [] });
    expect(named("chatSpecificLabelAdded").at(-1)!.eventData.addedLabels).toEqual(["gold"]);
    call("manageChatLabels", { pathParams: { chatId: DANA }, body: { set: [] } });
    expect(search(["gold", "billing"])).toEqual([]);
    expect(named("chatLabelsUpdated").at(-1)!.eventData).toMatchObject({ addedLabels: [], removedLabels: ["vip", "billing", "gold"] });
    const before = events.length;
    call("manageChatLabels", { pathParams: { chatId: DANA }, body: { set: [] } });
    expect(events.length).toBe(before); // nothing changed, nothing fired
  });

  it("assign → PENDING (Search Chats statuses[]) with chatPending and chatAssigned", () => {
    const pending = () => call("searchChats", { query: { "statuses[]": ["PENDING"], includeEmpty: "true" } }).body.data.map((c: any) => c._id);
    call("resolveChat", { pathParams: { chatId: DANA } });
    expect(pending()).not.toContain(DANA);
    expect(call("assignChat", { body: { phone: "+1 555-010-0123", agentEmail: "noa.cohen@example.org", departmentId: "sales" } }).body).toBe("OK");
    expect(pending()).toContain(DANA);
    const chat = call("getChat", { pathParams: { chatId: DANA } }).body;
    expect(chat).toMatchObject({ status: 1, departmentId: "sales" });
    expect(named("chatAssigned").at(-1)!.eventData.agent).toMatchObject({ email: "noa.cohen@example.org" });
    expect(named("chatPending").at(-1)!.eventData.chat._id).toBe(DANA);
    expect(call("assignChat", { body: { chatId: UNKNOWN, departmentId: "sales" } }).status).toBe(404);
  });

  it("resolve shows in Get Chat and fires chatResolved plus By Agent or By Bot", () => {
    call("assignChat", { body: { chatId: DANA, agentUid: "Qm4XbV7tLp2sRk9dWz1yHc3nEf5a" } });
    expect(call("resolveChat", { pathParams: { chatId: DANA }, body: { notifyClient: false } }).body).toEqual({ success: true });
    expect(call("getChat", { pathParams: { chatId: DANA } }).body.status).toBe(3);
    expect(named("chatResolved").at(-1)!.eventData.chat).toMatchObject({ _id: DANA, status: 3, resolvedUpdateTime: Math.floor(harness.clock.now() / 1000) });
    expect(named("chatResolvedByAgent").at(-1)!.eventData.chat.agent.uid).toBe("Qm4XbV7tLp2sRk9dWz1yHc3nEf5a");
    for (const operationId of ["getChat", "resolveChat"]) expect(call(operationId, { pathParams: { chatId: UNKNOWN } }).status).toBe(404);
  });

  it("properties and CRM data, with the external-bot events and a search by name", () => {
    const updated = call("updateChatProperties", { pathParams: { chatId: DANA }, body: { displayName: "Dana L.", externalBot: true, crmData: { plan: "basic" } } }).body;
    expect(updated).toMatchObject({ displayName: "Dana L.", externalBot: true, crmData: { plan: "basic" } });
    expect(named("externalBotEnabled").at(-1)!.eventData.chat.externalBot).toBe(true);
    call("updateChatProperties", { pathParams: { chatId: DANA }, body: { externalBot: false } });
    expect(named("externalBotDisabled")).toHaveLength(1);
    expect(call("updateChatCrmData", { pathParams: { chatId: DANA }, body: { data: { tier: 2 } } }).body).toMatchObject({ success: true, crmData: { plan: "basic", tier: 2 } });
    expect(call("searchChats", { query: { search: "dana l." } }).body.data.map((c: any) => c.crmData)).toEqual([{ plan: "basic", tier: 2 }]);
    expect(call("searchChats", { query: { "channel[name]": "whatsapp", "channel[accountId]": "15550100001" } }).body.total).toBe(0);
    expect(call("updateChatCrmData", { pathParams: { chatId: UNKNOWN }, body: { data: {} } }).status).toBe(404);
    expect(call("updateChatProperties", { pathParams: { chatId: UNKNOWN }, body: { displayName: "x" } }).status).toBe(404);
    expect(call("manageChatLabels", { pathParams: { chatId: UNKNOWN }, body: { set: [] } }).status).toBe(404);
  });
});

describe("messages", () => {
  const CHAT = "6a0e9b8c7d6e5f4a3b2c1d0e"; // the chat of the Get Messages example

  it("a sent message is the newest of the history, and the cursor pages backwards", () => {
    const history = call("getChatMessages", { pathParams: { chatId: CHAT }, query: { beforeTime: String(START), beforeId: "x" } }).body;
    expect(history.messages.length).toBeGreaterThan(2);
    harness.clock.advance(1000);
    const sent = call("sendMessage", { pathParams: { chatId: CHAT }, body: { type: "text", text: "Hello!", tmpSendId: "t-1" } }).body.messages[0];
    expect(sent).toMatchObject({ parent_chat: CHAT, direction: "outgoing", status: MESSAGE_STATUS.SENT, tmpSendId: "t-1", text: "Hello!" });
    const page = call("getChatMessages", { pathParams: { chatId: CHAT }, query: { beforeTime: String(harness.clock.now()), beforeId: "x", limit: "2" } }).body;
    expect(page.messages.map((m: any) => m._id)).toEqual([history.messages.at(-1)._id, sent._id]);
    expect(page.maxTime).toBe(sent.timestamp);
    const older = call("getChatMessages", { pathParams: { chatId: CHAT }, query: { beforeTime: String(page.messages[0].timestamp), beforeId: page.messages[0]._id, limit: "1" } }).body;
    expect(older.messages.map((m: any) => m._id)).toEqual([history.messages.at(-2)._id]);
    const session = call("getChatMessages", { pathParams: { chatId: CHAT }, query: { botSessionId: "3f9a1c7e5b2d4f6081a3c5e7b9d1f203" } }).body;
    expect(session.messages.length).toBeGreaterThan(0);
    expect(session.messages.every((m: any) => m.botSessionId === "3f9a1c7e5b2d4f6081a3c5e7b9d1f203")).toBe(true);
    expect(named("newMessage").at(-1)!.eventData.message._id).toBe(sent._id);
    expect(call("sendMessage", { pathParams: { chatId: UNKNOWN }, body: { type: "text", text: "x" } }).status).toBe(404);
    expect(call("getChatMessages", { pathParams: { chatId: UNKNOWN }, query: { botSessionId: "a" } }).status).toBe(404);
  });

  it("status advances Sent → Delivered → Seen on the clock, each with messageStatusChanged", () => {
    const sent = call("sendMessage", { pathParams: { chatId: DANA }, body: { type: "text", text: "On its way" } }).body.messages[0];
    const statusOf = () => call("getChatMessages", { pathParams: { chatId: DANA }, query: { beforeTime: String(harness.clock.now()), beforeId: "x" } }).body.messages.find((m: any) => m._id === sent._id);
    const changes = () => named("messageStatusChanged").filter((e) => e.eventData.externalId[0] === sent.channelInfo.id).map((e) => e.eventData.messageStatus);
    expect(statusOf().status).toBe(0);
    world.advanceClock(999);
    expect(changes()).toEqual([]);
    world.advanceClock(1);
    expect(changes()).toEqual([MESSAGE_STATUS.DELIVERED]);
    world.advanceClock(5000);
    expect(changes()).toEqual([MESSAGE_STATUS.DELIVERED, MESSAGE_STATUS.SEEN]);
    expect(statusOf().statusHistory.map((h: any) => h.status)).toEqual([0, 2, 3]);
  });

  it("an explicit call moves a message, and a failure fires messageFailed", () => {
    const sent = call("sendMessage", { pathParams: { chatId: DANA }, body: { type: "text", text: "x" } }).body.messages[0];
    expect(world.setMessageStatus(sent._id, MESSAGE_STATUS.SEEN)).toBeUndefined();
    expect(world.setMessageStatus(sent._id, MESSAGE_STATUS.DELIVERED)).toMatchObject({ status: 400, body: { error: expect.stringMatching(/only advance/) } });
    expect(world.setMessageStatus(sent._id, MESSAGE_STATUS.FAILED, "reengagement window closed")).toBeUndefined();
    expect(named("messageFailed").at(-1)!.eventData).toMatchObject({ error: "reengagement window closed", externalId: [sent.channelInfo.id] });
    world.advanceClock(10_000); // the scheduled Delivered/Seen of a failed message no longer apply
    expect(named("messageStatusChanged").filter((e) => e.eventData.externalId[0] === sent.channelInfo.id).map((e) => e.eventData.messageStatus)).toEqual([3, 4]);
    expect(world.setMessageStatus(UNKNOWN, 2)).toMatchObject({ status: 404 });
  });

  it("a simulated incoming message fires the message events and counts as unread", () => {
    const before = call("getChat", { pathParams: { chatId: DANA } }).body.unreadCount;
    const answer = world.simulateIncomingMessage({ chatId: DANA, text: "help" });
    expect(answer).toMatchObject({ status: 200, body: { direction: "incoming", text: "help", parent_chat: DANA } });
    const id = (answer.body as any)._id;
    for (const name of ["newMessage", "newIncomingMessage", "newMatchedMessage"]) expect(named(name).at(-1)!.eventData.message._id).toBe(id);
    expect(call("getChat", { pathParams: { chatId: DANA } }).body).toMatchObject({ unreadCount: before + 1, lastMessage: { type: "text", text: "help" } });
    world.simulateIncomingMessage({ chatId: DANA, media: [{ mediaType: "image", fileId: "6a01c2d3e4f5a6b7c8d9e0f1", caption: "receipt" }] });
    expect(named("newMediaMessage").at(-1)!.eventData.message).toMatchObject({ type: "media", media: [{ caption: "receipt" }] });
    expect(world.simulateIncomingMessage({ chatId: UNKNOWN, text: "x" }).status).toBe(404);
  });
});

describe("subscriptions", () => {
  it("import → list → inactivate → activate → runs → delete → 404", () => {
    const scenario = call("importSubscription", { body: importBody("sub-chat-resolved", "http://127.0.0.1:9/hooks") });
    expect(scenario.status).toBe(201);
    const id = scenario.body._id;
    expect(scenario.body.activeRevision).toMatchObject({ status: "active", version: 1, scenarioId: id });
    expect(call("listSubscriptions").body.scenarios.map((s: any) => s._id)).toContain(id);
    call("resolveChat", { pathParams: { chatId: DANA } });
    expect(targets.filter((t) => t.scenarioId === id)).toEqual([{ eventName: "chatResolved", url: "http://127.0.0.1:9/hooks", scenarioId: id }]);
    const runs = call("listScenarioRuns", { pathParams: { scenarioId: id } }).body;
    expect(runs.total).toBe(1);
    expect(runs.runs[0].steps[0]).toEqual({ type: "event", name: "domain.chat.resolved", executionTime: 0 });
    const paused = call("inactivateSubscription", { pathParams: { scenarioId: id } }).body;
    expect(paused.activeRevision).toBeUndefined();
    call("resolveChat", { pathParams: { chatId: DANA } });
    expect(targets.filter((t) => t.scenarioId === id)).toHaveLength(1); // inactive: nothing delivered
    expect(call("activateSubscription", { pathParams: { scenarioId: id }, body: {} }).body.activeRevision.status).toBe("active");
    expect(call("activateSubscription", { pathParams: { scenarioId: id }, body: { version: 7 } }).status).toBe(404);
    expect(call("deleteSubscription", { pathParams: { scenarioId: id } }).body).toEqual({ success: true });
    for (const operationId of ["deleteSubscription", "listScenarioRuns", "inactivateSubscription"]) {
      expect(call(operationId, { pathParams: { scenarioId: id } }).status).toBe(404);
    }
    expect(call("activateSubscription", { pathParams: { scenarioId: id }, body: {} }).status).toBe(404);
  });

  it("imports every subscription template as active, inactive or draft", () => {
    for (const [i, template] of TEMPLATES.entries()) {
      const body = importBody(template.id, "http://127.0.0.1:9/hooks", { word1: "help", word2: "agent", targetLabelId: "vip" });
      body.asStatus = ["active", "inactive", "draft"][i % 3];
      const answer = call("importSubscription", { body });
      expect(answer.status).toBe(201);
      if (body.asStatus === "draft") {
        const refused = call("activateSubscription", { pathParams: { scenarioId: answer.body._id }, body: {} });
        expect(refused).toMatchObject({ status: 400, body: { error: expect.stringMatching(/no revision to activate/) } });
      }
    }
  });

  it("filters newMatchedMessage by its words and chatSpecificLabelAdded by its label", () => {
    const matched = call("importSubscription", { body: importBody("sub-messages-with-specific-text", "http://127.0.0.1:9/words", { word1: "price", word2: "cost" }) }).body._id;
    const label = call("importSubscription", { body: importBody("sub-specific-label-added", "http://127.0.0.1:9/label", { targetLabelId: "vip" }) }).body._id;
    const hits = (id: string) => targets.filter((t) => t.scenarioId === id).length;
    world.simulateIncomingMessage({ chatId: DANA, text: "hello" });
    expect(hits(matched)).toBe(0);
    world.simulateIncomingMessage({ chatId: DANA, text: "price" });
    expect(hits(matched)).toBe(1);
    call("manageChatLabels", { pathParams: { chatId: DANA }, body: { set: ["billing"] } });
    expect(hits(label)).toBe(0);
    call("manageChatLabels", { pathParams: { chatId: DANA }, body: { add: ["vip"] } });
    expect(hits(label)).toBe(1);
  });
});

describe("template opt-outs", () => {
  it("unsubscribe → listed (all and per account) → resubscribe → gone, with the chat events", () => {
    const phones = () => call("listUnsubscribedUsers").body.map((u: any) => u.phone);
    expect(phones()).not.toContain("15550100999");
    call("unsubscribeFromTemplates", { body: { phone: "15550100999", accountId: ACCOUNT } });
    expect(phones()).toContain("15550100999");
    expect(call("listUnsubscribedUsersByAccount", { pathParams: { accountId: ACCOUNT } }).body.map((u: any) => u.phone)).toContain("15550100999");
    expect(call("listUnsubscribedUsersByAccount", { pathParams: { accountId: "15550100001" } }).body.map((u: any) => u.phone)).not.toContain("15550100999");
    call("resubscribeToTemplates", { body: { phone: "15550100999" } });
    expect(phones()).not.toContain("15550100999");
    expect(call("listUnsubscribedUsersByAccount", { pathParams: { accountId: "15550199999" } }).status).toBe(404);
  });

  it("Send Template Message to an opted-out number answers success: false; other sends fall through", () => {
    const send = (to: string, from?: string) => world.handle({ operationId: "sendTemplateMessage" }, { body: { templateName: "inbox_marketing_95", to, ...(from && { from }) } });
    call("unsubscribeFromTemplates", { body: { phone: "15550100777", accountId: ACCOUNT } });
    const refused = call("sendTemplateMessage", { body: { templateName: "inbox_marketing_95", to: "+1 555 010 0777" } });
    expect(refused.body).toEqual({ success: false, error: `Recipient unsubscribed from template messages on ${new Date(harness.clock.now()).toISOString()}` });
    expect(send("15550100777", "15550100001")).toBeUndefined(); // opted out on another account only
    call("resubscribeToTemplates", { body: { phone: "15550100777" } });
    expect(send("15550100777")).toBeUndefined();
  });

  it("fires chatUnsubscribed and chatSubscribed for the chats of the number", () => {
    call("resubscribeToTemplates", { body: { phone: "15550100123" } }); // the seed lists Dana's number
    expect(named("chatSubscribed").map((e) => e.eventData.chat._id)).toEqual([]); // no chat carried the flag
    call("unsubscribeFromTemplates", { body: { phone: "+1 (555) 010-0123" } });
    expect(named("chatUnsubscribed").map((e) => e.eventData.chat._id)).toEqual(expect.arrayContaining([DANA]));
    expect(call("searchChats", { query: { search: "Dana" } }).body.data.find((chat: any) => chat._id === DANA).unsubscribed.date).toBe(new Date(harness.clock.now()).toISOString());
    call("resubscribeToTemplates", { body: { phone: "15550100123" } });
    expect(named("chatSubscribed").map((e) => e.eventData.chat._id)).toEqual(expect.arrayContaining([DANA]));
  });
});

describe("channel-health problems", () => {
  it("a simulated problem is listed, resolved once, and fires both events", () => {
    const opened = world.simulateChannelProblem({ accountId: "15550100001", severity: "warning" }).body as any;
    expect(named("channelHealthProblemCreated").at(-1)!.eventData.problem._id).toBe(opened._id);
    const ids = (query = {}) => call("listChannelHealthProblems", { query }).body.problems.map((p: any) => p._id);
    expect(ids({ severity: "warning", accountId: "15550100001" })).toEqual([opened._id]);
    const resolved = call("resolveChannelHealthProblem", { pathParams: { problemId: opened._id } }).body;
    expect(resolved.resolvedAt).toBe(harness.clock.now());
    expect(ids()).not.toContain(opened._id);
    expect(ids({ includeResolved: "true" })).toContain(opened._id);
    expect(named("channelHealthProblemResolved").at(-1)!.eventData.problem.resolvedAt).toBe(resolved.resolvedAt);
    expect(call("resolveChannelHealthProblem", { pathParams: { problemId: opened._id } }).status).toBe(400);
    expect(call("resolveChannelHealthProblem", { pathParams: { problemId: UNKNOWN } }).status).toBe(404);
  });
});

describe("the world as a whole", () => {
  it("falls through (undefined) for operations it does not model", () => {
    expect(world.handle({ operationId: "generatePublicMediaUrl" }, {})).toBeUndefined();
    expect(world.models("generatePublicMediaUrl")).toBe(false);
  });

  it("seeds a chat known only from the Get Messages example, found by its number", () => {
    const found = call("searchChats", { query: { search: "15550100123" } }).body.data.find((chat: any) => chat._id === "6a0e9b8c7d6e5f4a3b2c1d0e");
    expect(found).toMatchObject({ channelInfo: { id: "15550100123" }, last_message_timestamp: expect.any(Number) });
  });

  it("the status schedule hands out due steps in time order, across its compactions", () => {
    const schedule = createSchedule();
    for (let at = 0; at < 5000; at++) schedule.push({ messageId: String(at), status: 2, at });
    const taken: number[] = [];
    for (let now = 0; now < 5000; now += 700) taken.push(...schedule.takeDue(now).map((step: { at: number }) => step.at));
    taken.push(...schedule.takeDue(Infinity).map((step: { at: number }) => step.at));
    expect(taken).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(schedule.takeDue(Infinity)).toEqual([]);
  });

  it("reset restores the seed", () => {
    call("deleteLabel", { pathParams: { labelId: "hot_lead" } });
    world.reset();
    expect(call("getLabel", { pathParams: { labelId: "hot_lead" } }).status).toBe(200);
    const dana = call("searchChats", { query: { search: "Dana" } }).body.data.find((chat: any) => chat._id === DANA);
    expect(dana.labels).toEqual(["vip", "billing"]);
  });
});
