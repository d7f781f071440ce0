import type { WebhookEvent, WebhookEventName, WebhookEventOf } from "@texterchat/api-types";
import { TexterError } from "./errors.js";
import { WEBHOOK_EVENT_DATA, type JsonKind } from "./generated/webhooks.js";

/** The `eventName` of every webhook Texter can send. */
export const WEBHOOK_EVENT_NAMES = Object.keys(WEBHOOK_EVENT_DATA) as WebhookEventName[];

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

function kindOf(value: unknown): JsonKind | "undefined" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonKind | "undefined";
}

function malformed(message: string): never {
  throw new TexterError("INVALID_WEBHOOK", `Invalid Texter webhook: ${message}`);
}

/**
 * Checks a webhook delivery (the parsed JSON body, or its raw text/bytes) and returns it typed as
 * the event it is, discriminated by `eventName`. Throws `TexterError` (`INVALID_WEBHOOK`) naming
 * what is wrong: not JSON, no envelope, unknown `eventName`, or a missing/mistyped eventData key.
 */
export function parseWebhookEvent(body: unknown): WebhookEvent {
  let value = body;
  if (typeof value === "string" || value instanceof Uint8Array) {
    const text = typeof value === "string" ? value : new TextDecoder().decode(value);
    try {
      value = JSON.parse(text);
    } catch (error) {
      malformed(`body is not JSON (${(error as Error).message})`);
    }
  }
  if (!isObject(value)) malformed(`body must be a JSON object {eventName, eventData}, got ${kindOf(value)}`);
  const { eventName, eventData } = value;
  if (typeof eventName !== "string") malformed(`eventName must be a string, got ${kindOf(eventName)}`);
  if (!Object.hasOwn(WEBHOOK_EVENT_DATA, eventName)) {
    malformed(`unknown eventName ${JSON.stringify(eventName)}; known events: ${WEBHOOK_EVENT_NAMES.join(", ")}`);
  }
  if (!isObject(eventData)) malformed(`eventData of ${eventName} must be an object, got ${kindOf(eventData)}`);
  for (const [key, allowed] of Object.entries(WEBHOOK_EVENT_DATA[eventName as WebhookEventName])) {
    const kind = kindOf(eventData[key]);
    if (kind === "undefined") malformed(`eventData.${key} is missing from ${eventName}`);
    if (!allowed.includes(kind)) malformed(`eventData.${key} of ${eventName} must be ${allowed.join(" or ")}, got ${kind}`);
  }
  return value as WebhookEvent;
}

/** Narrows a webhook event to the one named: `if (isWebhookEvent(event, "chatResolved")) event.eventData.chat`. */
export function isWebhookEvent<N extends WebhookEventName>(event: unknown, eventName: N): event is WebhookEventOf<N> {
  return isObject(event) && event.eventName === eventName;
}

/** One type guard per event: `isWebhook.chatResolved(event)`. */
export const isWebhook = Object.fromEntries(
  WEBHOOK_EVENT_NAMES.map((name) => [name, (event: unknown) => isWebhookEvent(event, name)]),
) as { readonly [N in WebhookEventName]: (event: unknown) => event is WebhookEventOf<N> };
