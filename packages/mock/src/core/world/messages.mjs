// Messages: Get Messages of a Chat (bot session or backwards cursor), Send a Message to Chat, the
// delivery status that advances Sent → Delivered → Seen on the world's clock (or when told to),
// and incoming messages injected by the admin API.
import { copy, invalid, iso, json, notFound } from "./answers.mjs";

export const MESSAGE_STATUS = { SENT: 0, ACCEPTED: 1, DELIVERED: 2, SEEN: 3, FAILED: 4, CHANNEL_FAILED: 5, DELETED: 6 };
const CONTENT_FIELDS = ["text", "media", "buttons", "list", "contacts", "location"];

/** @type {Record<string, import("../world.mjs").Handler>} */
export const messageHandlers = {
  getChatMessages({ state }, { pathParams, query }) {
    if (!state.chats.has(pathParams.chatId)) return notFound(`Chat ${JSON.stringify(pathParams.chatId)}`);
    const all = messagesOf(state, pathParams.chatId);
    let selected = all;
    if (query.has("botSessionId")) selected = selected.filter((m) => m.botSessionId === query.get("botSessionId"));
    if (query.has("beforeTime")) {
      const before = Number(query.get("beforeTime"));
      selected = selected.filter((m) => m.timestamp <= before && m._id !== query.get("beforeId"));
    }
    const limit = Number(query.get("limit") ?? 50);
    const messages = limit > 0 ? selected.slice(-limit) : [];
    const times = all.map((m) => m.timestamp);
    return json({ messages, minTime: times.length ? Math.min(...times) : 0, maxTime: times.length ? Math.max(...times) : 0 });
  },
  sendMessage(world, { pathParams, body }) {
    const chat = world.state.chats.get(pathParams.chatId);
    if (!chat) return notFound(`Chat ${JSON.stringify(pathParams.chatId)}`);
    const now = world.clock.now();
    const message = newMessage(world, chat, body, now);
    message.direction = "outgoing";
    message.status = MESSAGE_STATUS.SENT;
    message.statusHistory = [{ status: MESSAGE_STATUS.SENT, timestamp: now }];
    if (body.context) message.context = { id: body.context };
    if (body.tmpSendId !== undefined) message.tmpSendId = body.tmpSendId;
    store(world, chat, message);
    const { delivered, seen } = world.options.messageDelays;
    world.state.scheduled.delivered.push({ messageId: message._id, status: MESSAGE_STATUS.DELIVERED, at: now + delivered });
    world.state.scheduled.seen.push({ messageId: message._id, status: MESSAGE_STATUS.SEEN, at: now + seen });
    world.emit("newMessage", { message: copy(message), chat: copy(chat) });
    return json({ success: true, messages: [message] });
  },
};

/**
 * Moves a message to a delivery status (advancing only, except to a failure) and fires
 * messageStatusChanged, plus messageFailed for statuses 4 and 5.
 * @returns {import("./answers.mjs").Answer | undefined} a 400/404 answer when it cannot
 */
export function setMessageStatus(world, messageId, status, error) {
  const message = world.state.messages.get(messageId);
  if (!message) return notFound(`Message ${JSON.stringify(messageId)}`);
  if (message.direction !== "outgoing") return invalid(`Message ${JSON.stringify(messageId)} is not outgoing; only outgoing messages have a delivery status`);
  const failed = status === MESSAGE_STATUS.FAILED || status === MESSAGE_STATUS.CHANNEL_FAILED;
  if (message.status >= MESSAGE_STATUS.FAILED) return invalid(`Message ${JSON.stringify(messageId)} already ended in status ${message.status}`);
  if (!failed && status !== MESSAGE_STATUS.DELETED && status <= message.status) {
    return invalid(`Message ${JSON.stringify(messageId)} is already in status ${message.status}; statuses only advance`);
  }
  const now = world.clock.now();
  message.status = status;
  message.statusHistory = [...(message.statusHistory ?? []), { status, timestamp: now }];
  message.updatedAt = iso(now);
  if (failed) message.errorReason = error ?? "undeliverable";
  const chat = world.state.chats.get(message.parent_chat);
  if (failed && chat) chat.hasMessageError = true;
  const externalId = [message.channelInfo.id];
  const chatData = copy(chat ?? { _id: message.parent_chat });
  world.emit("messageStatusChanged", { chat: chatData, messageStatus: status, ...(failed && { error: message.errorReason }), timestamp: now, externalId });
  if (failed) world.emit("messageFailed", { chat: copy(chatData), error: message.errorReason, timestamp: now, externalId: [...externalId] });
  return undefined;
}

/**
 * A queue of scheduled status changes. Each queue holds one target status, whose delay is
 * fixed, and the clock only moves forward: so a queue is always in time order, and settling
 * costs nothing while nothing is due.
 */
export function createSchedule() {
  const items = [];
  let head = 0;
  return {
    push: (step) => items.push(step),
    /** Removes and returns the steps due at `now`. */
    takeDue(now) {
      const due = [];
      while (head < items.length && items[head].at <= now) due.push(items[head++]);
      if (head > 1024 && head * 2 > items.length) {
        items.splice(0, head);
        head = 0;
      }
      return due;
    },
  };
}

/**
 * Applies the scheduled status changes that are due on the world's clock, oldest first. A step
 * no longer applies once the message has that status or a later one, or failed, or was deleted.
 */
export function settleMessages(world) {
  const now = world.clock.now();
  const due = [...world.state.scheduled.delivered.takeDue(now), ...world.state.scheduled.seen.takeDue(now)];
  if (due.length === 0) return;
  due.sort((a, b) => a.at - b.at);
  for (const step of due) {
    const message = world.state.messages.get(step.messageId);
    if (message && message.status < step.status && message.status < MESSAGE_STATUS.FAILED) setMessageStatus(world, step.messageId, step.status);
  }
}

/**
 * A customer's message arriving in a chat: `{ chatId, text?, media? }`. Fires newMessage,
 * newIncomingMessage, newMatchedMessage (subscriptions filter it by their words) and, with
 * media, newMediaMessage.
 */
export function receiveMessage(world, { chatId, text, media }) {
  const chat = world.state.chats.get(chatId);
  if (!chat) return notFound(`Chat ${JSON.stringify(chatId)}`);
  const now = world.clock.now();
  const content = media?.length ? { type: "media", media, ...(text !== undefined && { text }) } : { type: "text", text };
  const message = newMessage(world, chat, content, now);
  message.direction = "incoming";
  store(world, chat, message);
  chat.lastIncomingMessageTimestamp = now;
  chat.unreadCount = (chat.unreadCount ?? 0) + 1;
  // A resolved chat goes back to the bot with the next incoming message.
  if (chat.status === 3) chat.status = 0;
  const data = () => ({ message: copy(message), chat: copy(chat) });
  world.emit("newMessage", data());
  world.emit("newIncomingMessage", data());
  if (message.text) world.emit("newMatchedMessage", data());
  if (message.type === "media") world.emit("newMediaMessage", data());
  return json(message);
}

function newMessage(world, chat, content, now) {
  const { metadata, ...channel } = chat.channelInfo ?? {};
  const message = {
    _id: world.newId(),
    parent_chat: chat._id,
    chatChannelInfo: copy(channel),
    channelInfo: { id: `wamid.${Buffer.from(world.newId()).toString("base64")}` },
    timestamp: now,
    updatedAt: iso(now),
    type: content.type,
  };
  for (const field of CONTENT_FIELDS) if (content[field] !== undefined) message[field] = copy(content[field]);
  return message;
}

function store(world, chat, message) {
  world.state.messages.set(message._id, message);
  indexMessage(world.state, message);
  chat.last_message_timestamp = message.timestamp;
  chat.lastMessage = { type: message.type, text: message.text ?? "", ...(message.media && { media: copy(message.media) }) };
  chat.updatedAt = message.updatedAt;
}

/** Adds a message to its chat's history, kept in ascending time order. */
export function indexMessage(state, message) {
  const list = state.messagesByChat.get(message.parent_chat) ?? [];
  state.messagesByChat.set(message.parent_chat, list);
  let i = list.length;
  while (i > 0 && list[i - 1].timestamp > message.timestamp) i--;
  list.splice(i, 0, message);
}

/** A chat's messages in ascending time order. */
export const messagesOf = (state, chatId) => state.messagesByChat.get(chatId) ?? [];
