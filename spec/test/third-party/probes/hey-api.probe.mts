// Compiled (tsc --strict) against @hey-api/openapi-ts's output, generated into ./hey-api/ by
// ../generators.test.ts. Written as a team using those types would write it.
import {
  ChatStatus,
  MessageStatus,
  type AssignChatRequest,
  type Message,
  type OutgoingMediaItem,
  type TemplateButtonsComponent,
  type UpdateLabelRequest,
} from "./hey-api/index.js";

/** A system message is recognised by its flag. */
export function routingNote(message: Message): string | undefined {
  if (message.systemMessage === true) {
    const status: ChatStatus | undefined = message.newChatStatus;
    return status === ChatStatus.ASSIGNED ? `assigned to ${message.assignedToAgent}` : "routing";
  }
  // @ts-expect-error a regular message has no routing fields
  return message.assignedToAgent;
}

/** A content message is recognised by its `type`, which then selects the content fields. */
export function preview(message: Message): string {
  if ("type" in message) {
    if (message.type === "text") return message.text;
    const status: MessageStatus | undefined = message.status;
    return status === MessageStatus.FAILED ? `(${message.type}, failed)` : `(${message.type})`;
  }
  const system: true = message.systemMessage;
  return `routing record ${system}`;
}

/** Every button kind keeps its own fields; the switch is exhaustive. */
export function buttonLabels(component: TemplateButtonsComponent): string[] {
  return component.buttons.map((button) => {
    switch (button.type) {
      case "QUICK_REPLY":
        // @ts-expect-error a quick reply has no url
        return `${button.text} ${button.url}`;
      case "URL":
        return `${button.text} → ${button.url}`;
      case "PHONE_NUMBER":
        return `${button.text} ☎ ${button.phone_number}`;
      case "FLOW":
        return `${button.text} (flow ${button.flow_id ?? "?"})`;
    }
  });
}

export const pending: ChatStatus = ChatStatus.PENDING;
export const seen: MessageStatus = MessageStatus.SEEN;
// @ts-expect-error chat statuses stop at 4
export const unknownStatus: ChatStatus = 5;
// @ts-expect-error message statuses stop at 6
export const unknownMessageStatus: MessageStatus = 7;

/** Request bodies with rules between their fields keep their field types. */
export const assign: AssignChatRequest = { chatId: "64de3b15398a8e09c47a9f62", agentEmail: "dana@example.org" };
// @ts-expect-error an agent email is a string
export const badAssign: AssignChatRequest = { chatId: "64de3b15398a8e09c47a9f62", agentEmail: 42 };
export const file: OutgoingMediaItem = { mediaType: "document", url: "https://example.org/price_list.pdf" };
// @ts-expect-error stickers cannot be sent
export const sticker: OutgoingMediaItem = { mediaType: "sticker", fileId: "6a01c2d3e4f5a6b7c8d9e0f1" };
export const rename: UpdateLabelRequest = { name: "VIP" };
// @ts-expect-error a label color is a string
export const badColor: UpdateLabelRequest = { color: 0xa769ff };
