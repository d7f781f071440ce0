// Generated from @texterchat/openapi 0.2.0 by packages/client/scripts/generate.mjs. Do not edit.
import type { WebhookEventName } from "@texterchat/api-types";

export type JsonKind = "object" | "array" | "string" | "number" | "boolean" | "null";

/** For every webhook event: the eventData keys Texter always sends, and the JSON kinds each may hold. */
export const WEBHOOK_EVENT_DATA: { readonly [N in WebhookEventName]: Readonly<Record<string, readonly JsonKind[]>> } = {
  newMessage: { message: ["object"], chat: ["object"] },
  newIncomingMessage: { message: ["object"], chat: ["object"] },
  newMatchedMessage: { message: ["object"], chat: ["object"] },
  newMediaMessage: { message: ["object"], chat: ["object"] },
  messageFailed: { chat: ["object"], timestamp: ["number"], externalId: ["array"] },
  messageStatusChanged: { chat: ["object"], timestamp: ["number"], externalId: ["array"] },
  chatUnsubscribed: { chat: ["object"] },
  chatSubscribed: { chat: ["object"] },
  chatAssigned: { chat: ["object"], agent: ["object"] },
  chatPending: { chat: ["object"] },
  chatResolved: { chat: ["object"] },
  chatResolvedByAgent: { chat: ["object"] },
  chatResolvedByBot: { chat: ["object"] },
  chatLabelsUpdated: { chat: ["object"], oldLabels: ["array"], addedLabels: ["array"], removedLabels: ["array"] },
  chatSpecificLabelAdded: { chat: ["object"], oldLabels: ["array"], addedLabels: ["array"], removedLabels: ["array"] },
  externalBotEnabled: { chat: ["object"] },
  externalBotDisabled: { chat: ["object"] },
  channelHealthProblemCreated: { problem: ["object"] },
  channelHealthProblemResolved: { problem: ["object"] },
};
