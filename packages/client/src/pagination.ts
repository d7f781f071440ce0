import type { Chat, Label, Message, QuickReply, UnsubscribedUser, paths } from "@texterchat/api-types";
import type { TexterClient } from "./client.js";
import { TexterError } from "./errors.js";

/** The list operations that page with `skip` + `limit`, and the item each yields. */
export interface SkipLimitItems {
  "/chats/search": Chat;
  "/labels": Label;
  "/quick-replies": QuickReply;
  "/whatsapp/templates/unsubscribed": UnsubscribedUser;
  "/whatsapp/templates/unsubscribed/{accountId}": UnsubscribedUser;
}
export type SkipLimitPath = keyof SkipLimitItems;

/** Where each page keeps its items; the unsubscribed lists answer a bare array. */
const ITEMS_KEY: Partial<Record<SkipLimitPath, string>> = { "/chats/search": "data", "/labels": "labels", "/quick-replies": "quickReplies" };

type GetParameters<P extends keyof paths> = paths[P] extends { get: { parameters: infer T extends { query?: unknown; path?: unknown } } }
  ? T
  : never;

type ListQuery<P extends SkipLimitPath> = Omit<NonNullable<GetParameters<P>["query"]>, "skip" | "limit">;
type HasPathParams<P extends SkipLimitPath> = GetParameters<P>["path"] extends object ? true : false;

export type PaginateOptions<P extends SkipLimitPath> = {
  /** Items per request. Default 100 (the unsubscribed lists accept at most 9999). */
  pageSize?: number;
  signal?: AbortSignal;
} & (HasPathParams<P> extends true
  ? { params: { query?: ListQuery<P>; path: GetParameters<P>["path"] } }
  : { params?: { query?: ListQuery<P> } });

type Get = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

async function getPage(client: TexterClient, path: string, init: object): Promise<unknown> {
  const { data, error, response } = await (client.GET as unknown as Get)(path, init);
  if (error !== undefined) {
    throw new TexterError("API", `GET ${path} answered ${response.status} while paginating`, { status: response.status, body: error });
  }
  return data;
}

/**
 * Iterates every item of a `skip`/`limit` list (Search Chats, List All Labels, Get Existing Quick
 * Replies, the unsubscribed lists), requesting page after page until a short or empty page, or
 * until `total` items were seen. API errors throw `TexterError` (`API`).
 */
export async function* paginate<P extends SkipLimitPath>(
  client: TexterClient,
  path: P,
  ...[options = {} as PaginateOptions<P>]: HasPathParams<P> extends true ? [PaginateOptions<P>] : [PaginateOptions<P>?]
): AsyncGenerator<SkipLimitItems[P], void, undefined> {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new TexterError("INVALID_OPTIONS", `paginate: pageSize must be a positive integer, got ${pageSize}`);
  const params = (options.params ?? {}) as { query?: object; path?: object };
  for (let skip = 0; ; ) {
    const query = { ...params.query, skip: String(skip), limit: String(pageSize) };
    const page = await getPage(client, path, { params: { ...params, query }, signal: options.signal });
    const key = ITEMS_KEY[path];
    const items = (key === undefined ? page : (page as Record<string, unknown>)[key]) as SkipLimitItems[P][];
    if (!Array.isArray(items)) throw new TexterError("API", `GET ${path} answered a page without its item list`, { body: page });
    yield* items;
    skip += items.length;
    const total = (page as { total?: unknown }).total;
    if (items.length < pageSize || (typeof total === "number" && skip >= total)) return;
  }
}

export interface ChatMessagesOptions {
  /** Messages per request. Default 50 (Texter's default). */
  pageSize?: number;
  /** Start below this cursor (a message's `timestamp` and `_id`) instead of at the newest message. */
  before?: { timestamp: number; id: string };
  signal?: AbortSignal;
}

/**
 * Iterates a chat's messages from the newest to the oldest with Get Messages of a Chat's cursor
 * (`beforeTime` + `beforeId`: the timestamp and `_id` of the oldest message seen so far). Without
 * `before`, it starts at the current time with `beforeId` "0", an id no message has.
 */
export async function* iterateChatMessages(client: TexterClient, chatId: string, options: ChatMessagesOptions = {}): AsyncGenerator<Message, void, undefined> {
  const pageSize = options.pageSize ?? 50;
  let cursor = options.before ?? { timestamp: Date.now(), id: "0" };
  for (;;) {
    const query = { beforeTime: String(cursor.timestamp), beforeId: cursor.id, limit: String(pageSize) };
    const page = (await getPage(client, "/messages/chat/{chatId}", { params: { path: { chatId }, query }, signal: options.signal })) as {
      messages: Message[];
    };
    const messages = page.messages;
    for (let i = messages.length - 1; i >= 0; i -= 1) yield messages[i]!;
    const oldest = messages[0];
    if (!oldest || messages.length < pageSize) return;
    const { _id: id, timestamp } = oldest;
    if (typeof id !== "string" || typeof timestamp !== "number" || (id === cursor.id && timestamp === cursor.timestamp)) {
      throw new TexterError("API", "Get Messages of a Chat returned no new cursor; stopped");
    }
    cursor = { timestamp, id };
  }
}
