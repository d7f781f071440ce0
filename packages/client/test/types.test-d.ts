import type {
  ChatSearchResult,
  ChatStatus,
  MediaItem,
  Message,
  MessageStatus,
  MessageType,
  RegularMessage,
  SystemMessage,
  TemplateButtonsComponent,
  TemplateCallToActionButton,
  TemplateQuickReplyButton,
  WebhookEvent,
} from "@texterchat/api-types";
import { describe, expectTypeOf, it } from "vitest";
import { createTexterClient, paginate } from "../src/index.js";
import { isWebhook, parseWebhookEvent } from "../src/webhooks.js";

const client = createTexterClient({ token: "t", projectId: "demo" });

describe("the client is typed by the contract", () => {
  it("accepts a real call and types its data", async () => {
    const { data } = await client.GET("/chats/search", { params: { query: { search: "Dana", "statuses[]": ["PENDING"] } } });
    expectTypeOf(data).toExtend<ChatSearchResult | undefined>();
    expectTypeOf<ChatSearchResult>().toExtend<NonNullable<typeof data>>();
    const assigned = await client.POST("/chats/assign", { body: { chatId: "c1", agentEmail: "dana@example.org" } });
    expectTypeOf(assigned.data).toEqualTypeOf<"OK" | undefined>();
  });

  it("rejects unknown paths and methods a path does not have", () => {
    // @ts-expect-error -- no such path
    void client.GET("/chats/serach");
    // @ts-expect-error -- Search Chats is GET only
    void client.DELETE("/chats/search");
  });

  it("rejects missing path parameters", () => {
    // @ts-expect-error -- params.path.chatId is required
    void client.POST("/chats/{chatId}/resolve", { body: { notifyClient: true } });
    // @ts-expect-error -- chatId missing inside params.path
    void client.GET("/chats/{chatId}", { params: { path: {} } });
  });

  it("rejects wrong body fields", () => {
    void client.POST("/labels", { body: { id: "vip", name: "VIP", color: "#a83236" } });
    // @ts-expect-error -- `colour` is not a field of Create Label
    void client.POST("/labels", { body: { id: "vip", name: "VIP", colour: "#a83236" } });
    // @ts-expect-error -- `name` is required
    void client.POST("/labels", { body: { id: "vip" } });
    // @ts-expect-error -- notifyClient is a boolean
    void client.POST("/chats/{chatId}/resolve", { params: { path: { chatId: "c1" } }, body: { notifyClient: "yes" } });
  });

  it("rejects wrong enum values", () => {
    // @ts-expect-error -- SOLVED is the old name; Search Chats takes RESOLVED
    void client.GET("/chats/search", { params: { query: { "statuses[]": ["SOLVED"] } } });
    // @ts-expect-error -- message statuses are 0–6
    const status: MessageStatus = 7;
    void status;
    // @ts-expect-error -- the send endpoint does not send postbacks
    void client.POST("/messages/send/{chatId}", { params: { path: { chatId: "c1" } }, body: { type: "postback", text: "x" } });
  });

  it("makes Send Template Message's success: false a branch to handle", async () => {
    const { data } = await client.POST("/whatsapp/templates/send", { body: { templateName: "welcome", to: "15550100123" } });
    // @ts-expect-error -- messageId exists only on the sent branch
    void data?.messageId;
    if (data?.success) expectTypeOf(data.messageId).toEqualTypeOf<string | undefined>();
    if (data?.success === false) expectTypeOf(data).toHaveProperty("error");
  });

  it("names numeric enum values", () => {
    expectTypeOf<ChatStatus.ASSIGNED>().toEqualTypeOf<2>();
    expectTypeOf<ChatStatus>().toEqualTypeOf<0 | 1 | 2 | 3 | 4>();
    expectTypeOf<MessageStatus.SEEN>().toEqualTypeOf<3>();
  });

  it("narrows a message to SystemMessage on `systemMessage === true`, and to RegularMessage otherwise", () => {
    const message = {} as Message;
    if (message.systemMessage === true) {
      expectTypeOf(message).toExtend<SystemMessage>();
      expectTypeOf(message.newChatStatus).toEqualTypeOf<ChatStatus | undefined>();
      // @ts-expect-error a system message has no content type
      void message.type;
    } else {
      expectTypeOf(message).toExtend<RegularMessage>();
      expectTypeOf(message.type).toEqualTypeOf<MessageType>();
    }
  });

  it("narrows a message to RegularMessage on `\"type\" in m`, and to SystemMessage otherwise", () => {
    const message = {} as Message;
    if ("type" in message) {
      expectTypeOf(message).toExtend<RegularMessage>();
      if (message.type === "media") expectTypeOf(message.media).toEqualTypeOf<MediaItem[]>();
      if (message.type === "text") expectTypeOf(message.text).toEqualTypeOf<string>();
    } else {
      expectTypeOf(message).toExtend<SystemMessage>();
      expectTypeOf(message.systemMessage).toEqualTypeOf<true>();
    }
  });

  it("keeps the item types of template buttons and never mixes the two kinds", () => {
    const component = {} as TemplateButtonsComponent;
    expectTypeOf(component.buttons).toEqualTypeOf<TemplateQuickReplyButton[] | TemplateCallToActionButton[]>();
    const quick: TemplateQuickReplyButton = { type: "QUICK_REPLY", text: "Yes" };
    const call: TemplateCallToActionButton = { type: "PHONE_NUMBER", text: "Call us", phone_number: "+15550100000" };
    void ({ type: "BUTTONS", buttons: [quick, quick] } satisfies TemplateButtonsComponent);
    // @ts-expect-error quick replies and call-to-action buttons are never mixed
    void ({ type: "BUTTONS", buttons: [quick, call] } satisfies TemplateButtonsComponent);
  });

  it("narrows messages on `type` as the client returns them", async () => {
    const { data } = await client.GET("/messages/chat/{chatId}", { params: { path: { chatId: "c1" }, query: { botSessionId: "abc" } } });
    const message = data!.messages[0]!;
    if (!("type" in message)) return;
    if (message.type === "media") expectTypeOf(message.media).toEqualTypeOf<MediaItem[]>();
    if (message.type === "location") expectTypeOf(message.location.latitude).toEqualTypeOf<number>();
  });

  it("takes free-form objects such as CRM data", () => {
    void client.POST("/chats/{chatId}/crm-data", { params: { path: { chatId: "c1" } }, body: { data: { plan: "premium", tags: ["vip"], lead: { id: 641225 } } } });
  });

  it("narrows send bodies on `type`", () => {
    void client.POST("/messages/send/{chatId}", {
      params: { path: { chatId: "c1" } },
      // @ts-expect-error -- a media message needs `media`, not `text`
      body: { type: "media", text: "hello" },
    });
  });

  it("narrows webhook events on eventName", () => {
    const event = parseWebhookEvent("{}");
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    if (event.eventName === "chatLabelsUpdated") expectTypeOf(event.eventData.addedLabels).toEqualTypeOf<string[]>();
    if (isWebhook.channelHealthProblemResolved(event)) expectTypeOf(event.eventData).toHaveProperty("problem");
    // @ts-expect-error -- not an event name
    if (event.eventName === "chatExploded") void event;
  });

  it("types paginated items", async () => {
    for await (const label of paginate(client, "/labels")) expectTypeOf(label.id).toEqualTypeOf<string>();
    // @ts-expect-error -- Get Label Data is not a list
    paginate(client, "/labels/{labelId}");
    // @ts-expect-error -- the account list needs its path parameter
    paginate(client, "/whatsapp/templates/unsubscribed/{accountId}", {});
  });
});
