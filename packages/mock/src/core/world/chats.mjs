// Chats: Search Chats with its filters, Get Chat by Chat ID (the trimmed public view), assign,
// resolve, properties, CRM data and labels. Each change fires the webhook events Texter's
// subscription templates listen for.
import { copy, iso, json, notFound, ok, page } from "./answers.mjs";

const STATUS = { BOT: 0, PENDING: 1, ASSIGNED: 2, RESOLVED: 3, BULK: 4 };
const seconds = (ms) => Math.floor(ms / 1000);

/** @type {Record<string, import("../world.mjs").Handler>} */
export const chatHandlers = {
  searchChats({ state }, { query }) {
    let chats = [...state.chats.values()];
    const search = query.get("search")?.toLowerCase();
    if (search) {
      const digits = search.replace(/\D/g, "");
      chats = chats.filter(
        (chat) =>
          [chat.title, chat.displayName].some((name) => name?.toLowerCase().includes(search)) ||
          (digits.length >= 2 && (chat.channelInfo?.id ?? "").replace(/\D/g, "").includes(digits)),
      );
    }
    if (query.has("channel[name]")) {
      chats = chats.filter((c) => c.channelInfo?.name === query.get("channel[name]") && c.channelInfo?.accountId === query.get("channel[accountId]"));
    }
    const labels = query.getAll("labels[]");
    if (labels.length) chats = chats.filter((chat) => (chat.labels ?? []).some((label) => labels.includes(label)));
    const statuses = query.getAll("statuses[]").map((name) => STATUS[name]);
    if (statuses.length) chats = chats.filter((chat) => statuses.includes(chat.status));
    if (!["1", "true"].includes(query.get("includeEmpty") ?? "")) chats = chats.filter((chat) => chat.last_message_timestamp !== undefined);
    chats.sort((a, b) => (b.last_message_timestamp ?? 0) - (a.last_message_timestamp ?? 0));
    const data = page(chats, query, 30).map(({ lastMessage, ...chat }) => copy(chat));
    return json({ total: chats.length, data });
  },
  getChat({ state }, { pathParams }) {
    const chat = state.chats.get(pathParams.chatId);
    return chat ? json(publicView(chat)) : notFound(`Chat ${JSON.stringify(pathParams.chatId)}`);
  },
  assignChat(world, { body }) {
    const chat = body.chatId ? world.state.chats.get(body.chatId) : findByPhone(world.state, body.phone, body.channel);
    if (!chat) return notFound(body.chatId ? `Chat ${JSON.stringify(body.chatId)}` : `A chat with phone ${JSON.stringify(body.phone)}`);
    const now = world.clock.now();
    const agent = body.agentUid || body.agentEmail || body.agentCrmId ? world.agents.find(body) : undefined;
    if (body.departmentId !== undefined) chat.departmentId = body.departmentId;
    chat.agent = agent ? { uid: agent.id, ...(agent.displayName && { displayName: agent.displayName }) } : { uid: null };
    chat.status = STATUS.PENDING;
    chat.pendingUpdateTime = seconds(now);
    chat.updatedAt = iso(now);
    world.emit("chatPending", { chat: copy(chat) });
    if (agent) world.emit("chatAssigned", { chat: copy(chat), agent: copy(agent) });
    return ok();
  },
  updateChatProperties(world, { pathParams, body }) {
    const chat = world.state.chats.get(pathParams.chatId);
    if (!chat) return notFound(`Chat ${JSON.stringify(pathParams.chatId)}`);
    const before = chat.externalBot === true;
    for (const [field, value] of Object.entries(body)) chat[field === "title" ? "displayName" : field] = copy(value);
    chat.updatedAt = iso(world.clock.now());
    if (body.externalBot !== undefined && body.externalBot !== before) {
      world.emit(body.externalBot ? "externalBotEnabled" : "externalBotDisabled", { chat: copy(chat) });
    }
    return json(chat);
  },
  resolveChat(world, { pathParams }) {
    const chat = world.state.chats.get(pathParams.chatId);
    if (!chat) return notFound(`Chat ${JSON.stringify(pathParams.chatId)}`);
    const now = world.clock.now();
    chat.status = STATUS.RESOLVED;
    chat.resolvedUpdateTime = seconds(now);
    chat.updatedAt = iso(now);
    world.emit("chatResolved", { chat: copy(chat) });
    world.emit(chat.agent?.uid ? "chatResolvedByAgent" : "chatResolvedByBot", { chat: copy(chat) });
    return json({ success: true });
  },
  updateChatCrmData({ state, clock }, { pathParams, body }) {
    const chat = state.chats.get(pathParams.chatId);
    if (!chat) return notFound(`Chat ${JSON.stringify(pathParams.chatId)}`);
    // Top-level merge: Texter does not document whether nested objects merge deeply.
    chat.crmData = { ...chat.crmData, ...copy(body.data) };
    chat.updatedAt = iso(clock.now());
    return json({ ...chat, success: true });
  },
  manageChatLabels(world, { pathParams, body }) {
    const chat = world.state.chats.get(pathParams.chatId);
    if (!chat) return notFound(`Chat ${JSON.stringify(pathParams.chatId)}`);
    const oldLabels = [...(chat.labels ?? [])];
    let labels = oldLabels;
    if (body.add) labels = [...labels, ...body.add.filter((label, i) => !labels.includes(label) && body.add.indexOf(label) === i)];
    if (body.remove) labels = labels.filter((label) => !body.remove.includes(label));
    if (body.set) labels = [...new Set(body.set)];
    const addedLabels = labels.filter((label) => !oldLabels.includes(label));
    const removedLabels = oldLabels.filter((label) => !labels.includes(label));
    chat.labels = labels;
    if (addedLabels.length || removedLabels.length) {
      chat.updatedAt = iso(world.clock.now());
      const data = () => ({ chat: copy(chat), oldLabels: [...oldLabels], addedLabels: [...addedLabels], removedLabels: [...removedLabels] });
      world.emit("chatLabelsUpdated", data());
      if (addedLabels.length) world.emit("chatSpecificLabelAdded", data());
    }
    return ok();
  },
};

/** Get Chat by Chat ID's trimmed view of a chat. */
export function publicView(chat) {
  const view = { success: true };
  for (const field of ["title", "channelInfo", "departmentId", "agent", "status", "created", "updatedAt", "lastIncomingMessageTimestamp", "unreadCount"]) {
    if (chat[field] !== undefined) view[field] = copy(chat[field]);
  }
  if (chat.lastMessage) view.lastMessage = { type: chat.lastMessage.type, ...(chat.lastMessage.text !== undefined && { text: chat.lastMessage.text }) };
  if (chat.botState !== undefined) view.botState = chat.botState && { id: chat.botState.id };
  if (chat.last_message_timestamp !== undefined) view.lastMessageTimestamp = chat.last_message_timestamp;
  return view;
}

/** Digits only; a local number (leading 0) matches the international number it ends.  */
function samePhone(a, b) {
  const [x, y] = [a, b].map((phone) => String(phone ?? "").replace(/\D/g, ""));
  if (!x || !y) return false;
  const local = x.replace(/^0+/, "");
  return x === y || (local.length >= 7 && y.endsWith(local));
}

export function findByPhone(state, phone, channel) {
  return [...state.chats.values()].find(
    (chat) =>
      samePhone(phone, chat.channelInfo?.id) &&
      (!channel?.name || chat.channelInfo?.name === channel.name) &&
      (!channel?.accountId || chat.channelInfo?.accountId === channel.accountId),
  );
}

export { samePhone };
