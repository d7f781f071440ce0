import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isWebhook, isWebhookEvent, parseWebhookEvent, WEBHOOK_EVENT_NAMES } from "../src/webhooks.js";
import { TexterError } from "../src/errors.js";

const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@texterchat/openapi/openapi.json"), "utf8"));
const examples = Object.entries(spec.webhooks as Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } } }>).flatMap(
  ([name, item]) => Object.entries(item.post.requestBody.content["application/json"]!.examples).map(([exampleName, e]) => [`${name}/${exampleName}`, name, e.value] as const),
);

function rejection(body: unknown): string {
  try {
    parseWebhookEvent(body);
  } catch (error) {
    expect(error).toBeInstanceOf(TexterError);
    expect((error as TexterError).code).toBe("INVALID_WEBHOOK");
    return (error as Error).message;
  }
  throw new Error("parseWebhookEvent accepted the body");
}

describe("parseWebhookEvent", () => {
  it("knows the spec's 19 events", () => {
    expect([...WEBHOOK_EVENT_NAMES].sort()).toEqual(Object.keys(spec.webhooks).sort());
  });

  it.each(examples)("accepts the spec's example %s, as object, JSON text and bytes", (_label, name, payload) => {
    for (const body of [payload, JSON.stringify(payload), new TextEncoder().encode(JSON.stringify(payload))]) {
      const event = parseWebhookEvent(body);
      expect(event).toEqual(payload);
      expect(isWebhookEvent(event, name as never)).toBe(true);
      expect(isWebhook[name as keyof typeof isWebhook](event)).toBe(true);
    }
  });

  it("the per-event guards tell events apart", () => {
    const event = parseWebhookEvent(examples.find(([, name]) => name === "chatResolved")![2]);
    expect(isWebhook.chatResolved(event)).toBe(true);
    expect(isWebhook.chatPending(event)).toBe(false);
    expect(isWebhookEvent(event, "newMessage")).toBe(false);
  });

  it.each([
    ["not JSON", "{eventName:", /body is not JSON/],
    ["an array", "[]", /must be a JSON object \{eventName, eventData\}, got array/],
    ["no eventName", { eventData: {} }, /eventName must be a string, got undefined/],
    ["an unknown event", { eventName: "chatExploded", eventData: {} }, /unknown eventName "chatExploded"; known events: newMessage, /],
    ["eventData null", { eventName: "chatResolved", eventData: null }, /eventData of chatResolved must be an object, got null/],
    ["a missing key", { eventName: "chatLabelsUpdated", eventData: { chat: {}, oldLabels: [], addedLabels: [] } }, /eventData.removedLabels is missing from chatLabelsUpdated/],
    ["a mistyped key", { eventName: "channelHealthProblemCreated", eventData: { problem: "boom" } }, /eventData.problem of channelHealthProblemCreated must be object, got string/],
  ])("rejects %s with a message that says what is wrong", (_label, body, message) => {
    expect(rejection(body)).toMatch(message);
  });
});
