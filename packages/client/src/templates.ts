import type { SendTemplateMessageResult } from "@texterchat/api-types";

/** The `success: true` branch of Send Template Message's answer. */
export type TemplateSent = Extract<SendTemplateMessageResult, { success: true }>;

/**
 * Send Template Message answers HTTP 200 even when nothing was sent (the recipient unsubscribed
 * from templates): `{ success: false, error }`. Check with this guard before using `messageId`.
 */
export function isTemplateSent(result: SendTemplateMessageResult): result is TemplateSent {
  return result.success === true;
}
